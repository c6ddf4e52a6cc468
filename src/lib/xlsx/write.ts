/**
 * A minimal .xlsx writer: an in-memory workbook model (cells with formulas and
 * their cached values) serialised to the zip of XML parts Excel and LibreOffice
 * open. Only what the tutorial's export needs: numbers, text, formulas, errors,
 * bold and highlighted cells, column widths, frozen header rows, and one
 * scatter chart per sheet at most.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { address, parseAddress } from './cells';
import { escapeXml } from './xml';

/** How a cell looks: plain, bold (headers, labels) or highlighted (the cell a reader may change). */
export type CellStyle = 'plain' | 'bold' | 'input';

/** A spreadsheet error value such as `#VALUE!`. */
export interface ErrorValue {
  readonly error: string;
}

/** One cell: a value (the cached result when there is a formula) and an optional formula without "=". */
export interface CellModel {
  readonly value: number | string | boolean | ErrorValue | null;
  readonly formula?: string;
  readonly style?: CellStyle;
}

/** A line chart of columns against a shared x column, drawn over a cell range. */
export interface ChartModel {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Log scale on the y axis. */
  readonly logY: boolean;
  /** The x values, e.g. `A4:A303` on the same sheet. */
  readonly xRange: string;
  /** Where the x axis ends (the last epoch), instead of the application's rounder number past it. */
  readonly xMax?: number;
  /** Each series: the header cell that names it and its value range, e.g. `B3` and `B4:B303`. */
  readonly series: readonly { readonly nameCell: string; readonly range: string }[];
  /** Top-left and bottom-right cells the chart covers, e.g. `J3` and `V30`. */
  readonly from: string;
  readonly to: string;
}

/** One worksheet: its cells by A1 address and how it is shown. */
export interface SheetModel {
  readonly name: string;
  readonly cells: Map<string, CellModel>;
  /** Column widths in characters, by 0-based column index. */
  readonly widths?: Readonly<Record<number, number>>;
  /** Rows kept in view while scrolling (the header). */
  readonly frozenRows?: number;
  readonly chart?: ChartModel;
}

/** A whole workbook; `activeSheet` is the tab shown first. */
export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
  readonly activeSheet?: number;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE_INDEX: Readonly<Record<CellStyle, number>> = { plain: 0, bold: 1, input: 2 };
const SERIES_COLOURS = ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD', '8C564B', 'E377C2', '7F7F7F'];

/** Writes a number the way the file format expects (shortest round-trip digits, upper-case exponent). */
export function numberText(x: number): string {
  return String(x).replace('e', 'E');
}

/** A sheet name quoted for use in a formula or chart reference. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function cellXml(ref: string, cell: CellModel): string {
  const s = cell.style && cell.style !== 'plain' ? ` s="${STYLE_INDEX[cell.style]}"` : '';
  const f = cell.formula !== undefined ? `<f>${escapeXml(cell.formula)}</f>` : '';
  const v = cell.value;
  if (v === null) return f ? `<c r="${ref}"${s}>${f}</c>` : `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${numberText(v)}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') {
    if (f) return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(v)}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  }
  return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(v.error)}</v></c>`;
}

function sheetXml(sheet: SheetModel, selected: boolean, hasChart: boolean): string {
  const byRow = new Map<number, { col: number; xml: string }[]>();
  let maxRow = 1;
  let maxCol = 0;
  for (const [ref, cell] of sheet.cells) {
    const pos = parseAddress(ref);
    if (!pos) continue;
    const row = byRow.get(pos.row) ?? [];
    row.push({ col: pos.col, xml: cellXml(address(pos.col, pos.row), cell) });
    byRow.set(pos.row, row);
    maxRow = Math.max(maxRow, pos.row);
    maxCol = Math.max(maxCol, pos.col);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cells]) => `<row r="${r}">${cells.sort((a, b) => a.col - b.col).map((c) => c.xml).join('')}</row>`)
    .join('');
  const frozen = sheet.frozenRows
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : '';
  const widths = Object.entries(sheet.widths ?? {})
    .map(([col, w]) => `<col min="${Number(col) + 1}" max="${Number(col) + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${address(maxCol, maxRow)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (widths ? `<cols>${widths}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    (hasChart ? '<drawing r:id="rId1"/>' : '') +
    '</worksheet>'
  );
}

function absoluteRange(sheetName: string, range: string): string {
  const ends = range.split(':').map((end) => {
    const pos = parseAddress(end);
    return pos ? `$${address(pos.col, pos.row).replace(/(\d+)$/, '$$$1')}` : end;
  });
  return `${quoteSheet(sheetName)}!${ends.join(':')}`;
}

function richText(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

function axisXml(id: number, cross: number, position: 'b' | 'l', title: string, log: boolean, grid: boolean, max?: number): string {
  const limit = max !== undefined && Number.isFinite(max) ? `<c:max val="${numberText(max)}"/>` : '';
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling>${log ? '<c:logBase val="10"/>' : ''}<c:orientation val="minMax"/>${limit}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/>${grid ? '<c:majorGridlines/>' : ''}` +
    `<c:title>${richText(title)}</c:title><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="min"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

function chartXml(sheetName: string, chart: ChartModel): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(absoluteRange(sheetName, s.nameCell))}</c:f></c:strRef></c:tx>` +
        `<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:xVal><c:numRef><c:f>${escapeXml(absoluteRange(sheetName, chart.xRange))}</c:f></c:numRef></c:xVal>` +
        `<c:yVal><c:numRef><c:f>${escapeXml(absoluteRange(sheetName, s.range))}</c:f></c:numRef></c:yVal>` +
        `<c:smooth val="0"/></c:ser>`,
    )
    .join('');
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${richText(chart.title)}</c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="1001"/><c:axId val="1002"/></c:scatterChart>` +
    axisXml(1001, 1002, 'b', chart.xTitle, false, false, chart.xMax) +
    axisXml(1002, 1001, 'l', chart.yTitle, chart.logY, true) +
    `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(cell: string): string {
  const pos = parseAddress(cell) ?? { col: 0, row: 1 };
  return `<xdr:col>${pos.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${pos.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
}

function drawingXml(chart: ChartModel): string {
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${DRAWING_NS}">` +
    `<xdr:twoCellAnchor><xdr:from>${anchorXml(chart.from)}</xdr:from><xdr:to>${anchorXml(chart.to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL_NS}/${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${body}</Relationships>`;
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Serialises a workbook model to the bytes of an .xlsx file. */
export function writeXlsx(model: WorkbookModel): Uint8Array {
  const files: Zippable = {};
  const active = Math.min(Math.max(0, model.activeSheet ?? 0), Math.max(0, model.sheets.length - 1));
  const overrides: string[] = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
  ];
  const workbookRels: { id: string; type: string; target: string }[] = [];
  const sheetEntries: string[] = [];
  let charts = 0;
  model.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const chart = sheet.chart;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(sheetXml(sheet, i === active, chart !== undefined));
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    workbookRels.push({ id: `rId${n}`, type: 'worksheet', target: `worksheets/sheet${n}.xml` });
    sheetEntries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    if (chart) {
      const c = ++charts;
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
        relsXml([{ id: 'rId1', type: 'drawing', target: `../drawings/drawing${c}.xml` }]),
      );
      files[`xl/drawings/drawing${c}.xml`] = strToU8(drawingXml(chart));
      files[`xl/drawings/_rels/drawing${c}.xml.rels`] = strToU8(
        relsXml([{ id: 'rId1', type: 'chart', target: `../charts/chart${c}.xml` }]),
      );
      files[`xl/charts/chart${c}.xml`] = strToU8(chartXml(sheet.name, chart));
      overrides.push(
        `<Override PartName="/xl/drawings/drawing${c}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
        `<Override PartName="/xl/charts/chart${c}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    }
  });
  workbookRels.push({ id: `rId${model.sheets.length + 1}`, type: 'styles', target: 'styles.xml' });

  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join('')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(relsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]));
  files['xl/_rels/workbook.xml.rels'] = strToU8(relsXml(workbookRels));
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<bookViews><workbookView activeTab="${active}"/></bookViews>` +
      `<sheets>${sheetEntries.join('')}</sheets>` +
      // Ask the application to recalculate on open, so the formulas are live from the start.
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  return zipSync(files, { level: 6 });
}
