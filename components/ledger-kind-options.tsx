// The <option>s of a ledger "kind" filter, labelled in the reader's language.
import { useKindLabel } from './ledger-table';

export function LedgerKindOptions({ kinds }: { kinds: readonly string[] }) {
  const label = useKindLabel();
  return kinds.map((k) => (
    <option key={k} value={k}>
      {label(k)}
    </option>
  ));
}
