// Lists drawn from the roster on the officers' screens, which get a batch
// about 20 times a second: with hundreds of people (and a pairing list for
// each of hundreds of clickers) drawing them all again each time left the
// chair's console answering nothing for seconds. A list of names is drawn
// again only when the names in it changed.
import { Component } from "preact";
import type { Participant } from "../gen/gavel/v1/meeting_pb";

const keys = new WeakMap<Participant[], string>();

// Who is in `people`, in order, as one string: computed once per array.
function namesKey(people: Participant[]): string {
  let key = keys.get(people);
  if (key === undefined) {
    key = people.map((p) => `${p.id}\u0000${p.name}`).join("\u0001");
    keys.set(people, key);
  }
  return key;
}

// <option>s for choosing a person, "name (id)".
export class PersonOptions extends Component<{ people: Participant[] }> {
  shouldComponentUpdate(next: { people: Participant[] }): boolean {
    return namesKey(next.people) !== namesKey(this.props.people);
  }
  render() {
    return this.props.people.map((p) => (
      <option key={p.id} value={p.id}>
        {p.name} ({p.id})
      </option>
    ));
  }
}
