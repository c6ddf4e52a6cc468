/** Placeholder until its owner lands the real island. */
export default function NetworkDiagram() {
  return <p>NetworkDiagram is being built.</p>;
}
