import { apiUrl, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { href, Link, useQueryState } from "../router.js";
import { formValues, type KeynessResult, type NewTermsResult } from "./shared.js";

type KeyItem = KeynessResult["positive"][number];

/** Keyness over time: what sets editions apart (G2 with log ratio), or what was new each year. */
export function Keyness() {
  const [query, setQuery] = useQueryState();
  const mode = query.get("mode") === "new" ? "new" : "key";
  const target = query.get("target") ?? "";
  const reference = query.get("reference") ?? "rest";
  const minFreq = query.get("minFreq") ?? "";
  const section = query.get("section") ?? "";
  const key = useApi<KeynessResult>(
    mode === "key" && target ? apiUrl("/analysis/keyness", { target, reference, minFreq, section, top: 40 }) : null,
  );
  const fresh = useApi<NewTermsResult>(
    mode === "new" ? apiUrl("/analysis/new-terms", { minFreq, section, top: 15 }) : null,
  );
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    const get = formValues(e);
    setQuery({
      mode: get("mode") === "new" ? "new" : null,
      target: get("target"),
      reference: get("reference") === "rest" ? null : get("reference"),
      minFreq: get("minFreq"),
      section: get("section"),
    });
  };
  return (
    <>
      <h1>Keyness</h1>
      <p className="muted">
        Words and 2–3-word phrases that set one edition (or a range, e.g. 2014-2020) apart from others: log-likelihood
        G2 (3.84: p &lt; 0.05; 15.13: p &lt; 0.0001) and log ratio (+1: twice as frequent).
      </p>
      <form className="filters" onSubmit={submit} key={query.toString()}>
        <label>
          View
          <select name="mode" defaultValue={mode}>
            <option value="key">Keywords of a target</option>
            <option value="new">New each edition</option>
          </select>
        </label>
        <label>
          Target
          <input name="target" defaultValue={target} placeholder="2025" pattern="\d{4}(-\d{4})?" />
        </label>
        <label>
          Reference
          <input name="reference" defaultValue={reference} placeholder="rest, 2023 or 2014-2020" />
        </label>
        <label>
          Min. frequency
          <input name="minFreq" type="number" min={1} defaultValue={minFreq} placeholder="3" />
        </label>
        <label>
          Section
          <input name="section" defaultValue={section} placeholder="any" />
        </label>
        <button type="submit">Show</button>
      </form>
      {mode === "new" ? (
        <Loaded value={fresh}>
          {(data) => (
            <div className="an-new">
              {data.editions.map((e) => (
                <section key={e.edition}>
                  <h2>{e.edition}</h2>
                  {e.terms.length ? (
                    <ul className="chips">
                      {e.terms.map((t) => (
                        <li key={t.term}>
                          <Link to={href("/concordance", { term: t.term })}>{t.term}</Link>{" "}
                          <span className="num">{t.freq}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Nothing new above the frequency floor.</p>
                  )}
                </section>
              ))}
            </div>
          )}
        </Loaded>
      ) : target ? (
        <Loaded value={key}>
          {(data) => (
            <>
              <p>
                Target {data.target} ({data.targetWords.toLocaleString("en-US")} words) against {data.reference} (
                {data.referenceWords.toLocaleString("en-US")} words; editions {data.referenceEditions.join(", ")}).
              </p>
              <div className="columns">
                <KeyTable title={`More frequent in ${data.target}`} items={data.positive} />
                <KeyTable title={`Less frequent in ${data.target}`} items={data.negative} />
              </div>
            </>
          )}
        </Loaded>
      ) : (
        <p className="muted">Enter a target edition.</p>
      )}
    </>
  );
}

function KeyTable({ title, items }: { title: string; items: KeyItem[] }) {
  return (
    <section>
      <h2>{title}</h2>
      {items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Target</th>
                <th scope="col">Reference</th>
                <th scope="col">G2</th>
                <th scope="col">Log ratio</th>
              </tr>
            </thead>
            <tbody>
              {items.map((k) => (
                <tr key={k.term}>
                  <th scope="row">
                    <Link to={href("/trends", { terms: k.term })}>{k.term}</Link>
                  </th>
                  <td className="num">{k.target}</td>
                  <td className="num">{k.reference}</td>
                  <td className="num">{k.g2.toFixed(2)}</td>
                  <td className="num">{k.logRatio.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">None above the thresholds.</p>
      )}
    </section>
  );
}
