/**
 * The checker's verdict on a sheet, as data: what each stage found, ready for
 * the report to put into words.
 */
import type { QuantityName } from '../backprop';
import type { MistakeId, Sighting } from '../mistakes';

export type { MistakeId } from '../mistakes';

/** A named mistake and where it first shows. */
export interface Mistake extends Sighting {
  readonly id: MistakeId;
}

/** The first wrong cell of a column. */
export interface FirstWrong {
  readonly cell: string;
  readonly row: number;
  readonly expected: number;
  /** What the cell holds, as text (number as stored, text, error or "(empty)"). */
  readonly found: string;
  readonly foundValue: number | undefined;
  readonly foundFormula: string | undefined;
  /** The correct formula in the sheet's own column letters. */
  readonly formula: string;
  /** How many leading significant digits agree (0 when not comparable). */
  readonly agreeingDigits: number;
}

/** The verdict on one column. */
export interface ColumnResult {
  readonly name: QuantityName;
  readonly header: string;
  readonly letter: string;
  /** match: every row right; wrong: this column's own formula is wrong; inherits: right formula, wrong inputs. */
  readonly status: 'match' | 'wrong' | 'inherits';
  readonly checked: number;
  readonly matched: number;
  readonly first?: FirstWrong;
  /** For `inherits`: the wrong cell it takes its error from. */
  readonly inheritsFrom?: string;
  readonly mistake?: MistakeId;
  /** Later rows of this column that are wrong too. */
  readonly laterWrong: number;
}

/** Rows whose weights have left the correct training run, and where the run ends. */
export interface Drift {
  readonly fromRow: number;
  readonly toRow: number;
  readonly lastFound: number;
  readonly lastExpected: number;
  readonly column: string;
  /** A later row whose weights are the correct run's again: values computed before an edit, never recalculated. */
  readonly backOnRun?: number;
}

/** Where the learning rate came from. */
export interface LearningRate {
  readonly value: number;
  readonly cell: string | undefined;
  readonly source: 'formula' | 'label' | 'values';
}

/** The verdict on one sheet. */
export interface SheetResult {
  readonly name: string;
  readonly status: 'checked' | 'no-header' | 'no-rows' | 'missing-columns';
  readonly message?: string;
  readonly headerRow?: number;
  readonly firstRow?: number;
  readonly lastRow?: number;
  readonly rowsChecked: number;
  readonly lr?: LearningRate;
  readonly columns: readonly ColumnResult[];
  readonly mistakes: readonly Mistake[];
  readonly drift?: Drift;
  /** A cell whose formula is the right one but whose stored value is not what it gives: the file needs recalculating. */
  readonly outOfDate?: string;
  /** Cells that stopped the check or hold text/errors where numbers belong. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  readonly clean: boolean;
}
