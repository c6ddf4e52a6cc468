/** Placeholder until its owner lands the real island. */
export default function WorkbookTools() {
  return <p>WorkbookTools is being built.</p>;
}
