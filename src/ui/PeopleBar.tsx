import { useState } from 'preact/hooks';
import { send } from '../messaging';
import type { Person } from '../storage';

/** A family often applies together: readings go to the active person, switched here. */
export function PeopleBar({ people, activeId }: { people: Person[]; activeId: string }) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    await send('panel:addPerson', { name: name.trim().slice(0, 40) });
    setName('');
    setAdding(false);
  };
  return (
    <div class="people">
      <label for="person">Person</label>
      <select
        id="person"
        value={activeId}
        onChange={(e) => void send('panel:setActivePerson', { personId: e.currentTarget.value })}
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
            Name of the new person
          </label>
          <input
            id="new-person"
            maxLength={40}
            placeholder="e.g. Ayşe"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit">Add</button>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          + Add person
        </button>
      )}
      <p class="muted small">New readings from the portals are saved for the person selected here.</p>
    </div>
  );
}
