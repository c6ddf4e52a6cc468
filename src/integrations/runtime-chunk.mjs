// @ts-check
/**
 * The client build's `runtime` chunk: what every section page runs at first load, that is the page
 * script and every module it imports statically (the state module, the math, the DOM contract). One
 * request instead of several, and gzip compresses one file better than several small ones; code
 * loaded later (explanations, notes, islands) imports what it needs from it. The chunk is defined by
 * the page script's imports, not by file paths: a module joins it when the page script imports it,
 * and a page script that is not part of the build fails the build.
 *
 * @param {string} name the chunk's name
 * @param {readonly string[]} roots the page script's modules (absolute paths)
 * @returns {{ name: (id: string, ctx: { getModuleInfo: (id: string) => { importedIds: readonly string[] } | null }) => string | null }}
 */
export function firstLoadChunk(name, roots) {
  /** @type {Set<string> | undefined} */
  let members;
  return {
    name(id, ctx) {
      members ??= staticImports(roots, (m) => ctx.getModuleInfo(m));
      return members.has(id) ? name : null;
    },
  };
}

/**
 * Every module `roots` import statically, themselves included.
 * @param {readonly string[]} roots
 * @param {(id: string) => { importedIds: readonly string[] } | null} getModuleInfo
 * @returns {Set<string>}
 */
export function staticImports(roots, getModuleInfo) {
  const seen = new Set();
  const todo = [...roots];
  for (const root of roots) {
    if (!getModuleInfo(root)) throw new Error(`The first-load chunk starts from ${root}, which the client build does not contain`);
  }
  while (todo.length > 0) {
    const id = /** @type {string} */ (todo.pop());
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}
