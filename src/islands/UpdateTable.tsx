/** Placeholder until its owner lands the real island. */
export default function UpdateTable() {
  return <p>UpdateTable is being built.</p>;
}
