import { LIMITS } from '../../domain/limits';
import { useState } from 'preact/hooks';
import type { Person } from '../../storage';
import { useFormat } from '../shared/FormatContext';
import { sendAndSay } from '../shared/refusal';
import { AtLimit } from '../shared/AtLimit';

/** A family often applies together: readings go to the active person, switched here. */
export function PeopleBar({ people, activeId }: { people: Person[]; activeId: string }) {
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    const r = await sendAndSay('panel:addPerson', { name: name.trim().slice(0, LIMITS.personName) });
    // Refused: the panel's alert line says why, and the typed name stays to be corrected.
    if (!r.ok) return;
    setName('');
    setAdding(false);
  };
  return (
    <div class="people">
      <label for="person">{f.t('ui_person_label')}</label>
      <select
        id="person"
        value={activeId}
        onChange={(e) => void sendAndSay('panel:setActivePerson', { personId: e.currentTarget.value })}
      >
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {adding ? (
        <form onSubmit={add} class="inline">
          <label for="new-person" class="sr-only">
            {f.t('ui_person_new_label')}
          </label>
          <input
            id="new-person"
            maxLength={LIMITS.personName}
            placeholder={f.t('ui_person_new_placeholder')}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <AtLimit value={name} max={LIMITS.personName} />
          <button type="submit">{f.t('ui_person_add')}</button>
          <button type="button" onClick={() => setAdding(false)}>
            {f.t('ui_cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {f.t('ui_person_add_open')}
        </button>
      )}
      <p class="muted small">{f.t('ui_person_hint')}</p>
    </div>
  );
}
