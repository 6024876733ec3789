import { apiUrl, type DocumentRow, type Page, type PersonRow, useApi } from "../api.js";
import { CountryLink, Loaded, Pager } from "../components/common.js";
import { Link, useQueryState } from "../router.js";

const LIMIT = 100;

export function Documents() {
  const [query, setQuery] = useQueryState();
  const kind = query.get("kind") ?? "";
  const offset = Number(query.get("offset")) || 0;
  const docs = useApi<Page<DocumentRow>>(apiUrl("/documents", { kind, limit: LIMIT, offset }));
  return (
    <>
      <h1>Documents</h1>
      <div className="filters">
        <label>
          Kind
          <select value={kind} onChange={(e) => setQuery({ kind: e.target.value, offset: null })}>
            <option value="">Any</option>
            <option value="bluebook">Bluebook</option>
            <option value="readout">Readout</option>
            <option value="other">Other</option>
          </select>
        </label>
      </div>
      <Loaded value={docs}>
        {(page) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Document</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Edition</th>
                    <th scope="col">Section</th>
                    <th scope="col">Date</th>
                    <th scope="col">Words</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">
                        <Link to={`/document/${d.id}`}>{d.title ?? d.key}</Link>
                      </th>
                      <td>{d.kind}</td>
                      <td>{d.edition ?? ""}</td>
                      <td>{d.section ?? ""}</td>
                      <td>{d.date ?? ""}</td>
                      <td className="num">{d.wordCount.toLocaleString("en")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={page.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: String(o) })} />
          </>
        )}
      </Loaded>
    </>
  );
}

export function Persons() {
  const [query, setQuery] = useQueryState();
  const name = query.get("name") ?? "";
  const offset = Number(query.get("offset")) || 0;
  const persons = useApi<Page<PersonRow>>(apiUrl("/persons", { name, limit: LIMIT, offset }));
  return (
    <>
      <h1>Persons</h1>
      <search>
        <form
          className="filters"
          key={name}
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ name: String(new FormData(e.currentTarget).get("name") ?? "").trim(), offset: null });
          }}
        >
          <label>
            Name
            <input name="name" type="search" defaultValue={name} />
          </label>
          <div className="buttons">
            <button type="submit">Find</button>
          </div>
        </form>
      </search>
      <Loaded value={persons}>
        {(page) => (
          <>
            <ul className="compact">
              {page.items.map((p) => (
                <li key={p.id}>
                  <Link to={`/person/${p.id}`}>{p.name}</Link>
                  {p.country ? (
                    <>
                      {" "}
                      (<CountryLink code={p.country} />)
                    </>
                  ) : null}
                  {p.roles.length ? <span className="muted"> · {p.roles.join("; ")}</span> : null}
                  <span className="muted">
                    {" "}
                    · {p.events} events, {p.documents} documents
                  </span>
                </li>
              ))}
            </ul>
            <Pager total={page.total} limit={LIMIT} offset={offset} onOffset={(o) => setQuery({ offset: String(o) })} />
          </>
        )}
      </Loaded>
    </>
  );
}
