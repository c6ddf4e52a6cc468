/** Placeholder until its owner lands the real island. */
export default function EpochStepper() {
  return <p>EpochStepper is being built.</p>;
}
