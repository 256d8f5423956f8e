/** @jsxImportSource preact */
/** The phrases the agent chose to "always ignore" from a card: seen, and undone one by one. */
import { useState } from 'preact/hooks';
import { saveIgnored, type Snapshot } from './store';

export function IgnoredView({ snap }: { snap: Snapshot }) {
  const [status, setStatus] = useState('');
  const remove = async (phrase: string) => {
    const saved = await saveIgnored(snap.ignored.filter((p) => p !== phrase));
    setStatus(saved.ok ? `“${phrase}” will be flagged again.` : `“${phrase}” is still ignored. ${saved.message}`);
  };
  return (
    <section aria-labelledby="ignored-h">
      <h2 id="ignored-h">Ignored phrases</h2>
      <p>Phrases you chose to always ignore from a suggestion card. They are never flagged in any reply until you remove them here.</p>
      {snap.ignored.length === 0 ? (
        <p class="empty" data-testid="ignored-empty">No ignored phrases.</p>
      ) : (
        <ul class="ignored-list" data-testid="ignored-list">
          {snap.ignored.map((p) => (
            <li key={p}>
              <span class="phrase">{p}</span>{' '}
              <button type="button" onClick={() => void remove(p)} aria-label={`Stop ignoring “${p}”`} data-testid="remove-ignored">
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" data-testid="ignored-status">{status}</p>
    </section>
  );
}
