/** Placeholder until its owner lands the real island. */
export default function LossChart() {
  return <p>LossChart is being built.</p>;
}
