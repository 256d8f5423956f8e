/** @jsxImportSource preact */
/**
 * Export the personal rules as a pack; import one (file picker or drop) with validation and a
 * preview; reset. One status line under the import box says what the last action did (each
 * import replaces it); the problems list and the preview are its details.
 */
import { useRef, useState } from 'preact/hooks';
import { parsePack, type PackProblem, type RulePack } from '../engine/index';
import { applyImport, personalPack, previewImport, EMPTY_PERSONAL, type ImportPreview, type PersonalRules } from '../shared/packs';
import { download, saveIgnored, savePersonal, updateSettings, type Snapshot } from './store';

export function PacksView({ snap }: { snap: Snapshot }) {
  const [name, setName] = useState('My team rules');
  const [version, setVersion] = useState('1.0.0');
  const [problems, setProblems] = useState<{ file: string; list: PackProblem[] } | null>(null);
  const [pending, setPending] = useState<{ file: string; pack: RulePack; preview: ImportPreview } | null>(null);
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  const exportPack = () => {
    const pack = personalPack(snap.personal, name.trim() || 'My team rules', version.trim() || '1.0.0', snap.settings.disabledRules);
    download(`${(name.trim() || 'tactful-pack').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.json`, `${JSON.stringify(pack, null, 2)}\n`, 'application/json');
    setStatus(`Exported ${pack.rules.length} rule${pack.rules.length === 1 ? '' : 's'}.`);
  };

  const readFile = async (file: File) => {
    setPending(null);
    setProblems(null);
    const refuse = (list: PackProblem[]) => {
      setProblems({ file: file.name, list });
      setStatus(`${file.name} can't be imported. Your rules are unchanged.`);
    };
    if (file.size > 5_000_000) return refuse([{ path: '(file)', message: 'larger than 5 MB; that is not a rule pack' }]);
    const res = parsePack(await file.text());
    if (!res.ok) return refuse(res.problems);
    setPending({ file: file.name, pack: res.pack, preview: previewImport(snap.personal, res.pack, snap.effective.locked) });
    setStatus(`${file.name}: check what “${res.pack.name}” ${res.pack.version} changes below, then choose Import.`);
  };

  const confirmImport = async () => {
    if (!pending) return;
    const saved = await savePersonal(applyImport(snap.personal, pending.pack, snap.effective.locked));
    if (!saved.ok) {
      // The preview stays, so the agent can import again once there is room.
      setStatus(`“${pending.pack.name}” was not imported. ${saved.message}`);
      return;
    }
    setStatus(`Imported “${pending.pack.name}” ${pending.pack.version}.`);
    setPending(null);
  };

  const reset = async () => {
    const rules = await savePersonal(structuredClone(EMPTY_PERSONAL) as PersonalRules);
    const settings = await updateSettings((s) => {
      s.disabledRules = [];
    });
    const ignored = await saveIgnored([]);
    dialog.current?.close();
    const failed = !rules.ok ? rules : !settings.ok ? settings : !ignored.ok ? ignored : null;
    setStatus(failed ? `Not everything was reset. ${failed.message}` : 'Rules and ignored phrases reset to defaults.');
  };

  return (
    <section aria-labelledby="packs-h">
      <h2 id="packs-h">Import &amp; export</h2>
      <h3>Export your rules as a pack</h3>
      <div class="filters">
        <label>Pack name <input value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label>Version <input value={version} onInput={(e) => setVersion(e.currentTarget.value)} /></label>
        <button type="button" class="primary" onClick={exportPack} data-testid="export-pack">Export pack JSON</button>
      </div>
      <p class="hint">Custom rules, severity changes and rules you turned off. Share the file with your team, or give it to IT to push as a locked team pack.</p>

      <h3>Import a pack</h3>
      <div
        class={`dropzone${dragging ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer?.files[0];
          if (f) void readFile(f);
        }}
      >
        <label class="file-pick">
          Choose a pack file (.json) or drop it here
          <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void readFile(f);
            e.currentTarget.value = '';
          }} />
        </label>
      </div>
      <p class="status" role="status" aria-live="polite" data-testid="packs-status">{status}</p>
      {problems ? (
        <div class="problems" data-testid="import-problems">
          <p>What is wrong in {problems.file}:</p>
          <ul>{problems.list.map((p, i) => <li key={i}><code>{p.path}</code>: {p.message}</li>)}</ul>
        </div>
      ) : null}
      {pending ? (
        <div class="preview-box" data-testid="import-preview" aria-labelledby="preview-title">
          <p id="preview-title">
            <strong>{pending.pack.name}</strong> {pending.pack.version} from {pending.file} will change:
          </p>
          <ul>
            <PreviewLine label="New rules" ids={pending.preview.added} />
            <PreviewLine label="Replaced rules" ids={pending.preview.replaced} />
            <PreviewLine label="Unchanged" ids={pending.preview.unchanged} />
            <PreviewLine label="Switch and severity changes" ids={pending.preview.overrides} />
            <PreviewLine label="Skipped (locked by your organisation)" ids={pending.preview.lockedSkipped} />
          </ul>
          <div class="buttons">
            <button type="button" class="primary" onClick={() => void confirmImport()} data-testid="confirm-import">Import</button>
            <button
              type="button"
              onClick={() => {
                setPending(null);
                setStatus('Nothing was imported. Your rules are unchanged.');
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      <h3>Reset</h3>
      <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>Reset to defaults…</button>
      <dialog ref={dialog} aria-labelledby="reset-h" data-testid="reset-dialog">
        <h3 id="reset-h">Reset rules to defaults?</h3>
        <p>
          This deletes your {snap.personal.rules.length} custom rule{snap.personal.rules.length === 1 ? '' : 's'}, severity changes, switched-off rules and{' '}
          {snap.ignored.length} ignored phrase{snap.ignored.length === 1 ? '' : 's'}. Team rules set by your
          organisation stay. Export a pack first if you may want them back.
        </p>
        <div class="buttons">
          <button type="button" class="danger" onClick={() => void reset()} data-testid="confirm-reset">Reset</button>
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>Keep my rules</button>
        </div>
      </dialog>
    </section>
  );
}

function PreviewLine({ label, ids }: { label: string; ids: string[] }) {
  if (!ids.length) return null;
  return (
    <li>
      {label} ({ids.length}): {ids.join(', ')}
    </li>
  );
}
