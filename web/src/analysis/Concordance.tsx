import { apiUrl, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { useQueryState } from "../router.js";
import { type CollocatesResult, type ConcordanceResult, DocLink, formValues } from "./shared.js";

/** Keyword in context (sortable by left or right context) and the term's collocates. */
export function Concordance() {
  const [query, setQuery] = useQueryState();
  const term = query.get("term") ?? "";
  const sort = query.get("sort") ?? "position";
  const width = query.get("width") ?? "";
  const measure = query.get("measure") === "mi" ? "mi" : "logdice";
  const lines = useApi<ConcordanceResult>(
    term ? apiUrl("/analysis/concordance", { term, sort, width, limit: 500 }) : null,
  );
  const colls = useApi<CollocatesResult>(term ? apiUrl("/analysis/collocates", { term, measure, top: 25 }) : null);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    const get = formValues(e);
    setQuery({
      term: get("term"),
      sort: get("sort") === "position" ? null : get("sort"),
      width: get("width"),
      measure: get("measure") === "mi" ? "mi" : null,
    });
  };
  return (
    <>
      <h1>Concordance</h1>
      <form className="filters" onSubmit={submit} key={query.toString()}>
        <label className="grow">
          Word or phrase
          <input name="term" defaultValue={term} required maxLength={200} placeholder="linchpin" />
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={sort}>
            <option value="position">position</option>
            <option value="left">left context</option>
            <option value="right">right context</option>
          </select>
        </label>
        <label>
          Width
          <input name="width" type="number" min={10} max={300} defaultValue={width} placeholder="60" />
        </label>
        <label>
          Collocation measure
          <select name="measure" defaultValue={measure}>
            <option value="logdice">log-Dice</option>
            <option value="mi">MI</option>
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      {term ? (
        <div className="an-conc-layout">
          <section>
            <h2>Lines</h2>
            <Loaded value={lines}>
              {(data) =>
                data.lines.length ? (
                  <>
                    <p className="muted">
                      {data.total} line{data.total === 1 ? "" : "s"}
                      {data.total > data.lines.length ? ` (first ${data.lines.length})` : ""}
                      {data.sortedOf ? `; sorted among the first ${data.sortedOf} in corpus order` : ""}
                    </p>
                    <div className="table-wrap">
                      <table className="an-kwic">
                        <thead>
                          <tr>
                            <th scope="col">Edition</th>
                            <th scope="col" className="an-left">
                              Left
                            </th>
                            <th scope="col">Match</th>
                            <th scope="col">Right</th>
                            <th scope="col">Source</th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.lines.map((l) => (
                            <tr key={`${l.documentKey}:${l.start}`}>
                              <td>{l.edition ?? "–"}</td>
                              <td className="an-left">{l.left}</td>
                              <td className="an-match">{l.match}</td>
                              <td>{l.right}</td>
                              <td>
                                <DocLink docKey={l.documentKey} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                ) : (
                  <p className="status">"{term}" does not occur.</p>
                )
              }
            </Loaded>
          </section>
          <section>
            <h2>Collocates</h2>
            <p className="muted">
              {measure === "mi" ? "MI = log2(f(xy)·N / (f(x)·f(y)))" : "log-Dice = 14 + log2(2·f(xy) / (f(x) + f(y)))"},
              window ±5 words in the sentence.
            </p>
            <Loaded value={colls}>
              {(data) =>
                data.collocates.length ? (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Word</th>
                        <th scope="col">f(xy)</th>
                        <th scope="col">{measure === "mi" ? "MI" : "log-Dice"}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.collocates.map((c) => (
                        <tr key={c.word}>
                          <td>{c.word}</td>
                          <td className="num">{c.fxy}</td>
                          <td className="num">{(measure === "mi" ? c.mi : c.logDice).toFixed(2)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <p className="muted">No collocate occurs twice.</p>
                )
              }
            </Loaded>
          </section>
        </div>
      ) : (
        <p className="muted">Enter a word or phrase.</p>
      )}
    </>
  );
}
