/** Human labels for the record's enumerations. */
export const TYPE_LABEL: Record<string, string> = {
  meeting: "Meeting",
  visit: "Visit",
  conference: "Conference",
  agreement: "Agreement",
  policy_release: "Policy release",
  negotiation: "Negotiation",
};
export const LEVEL_LABEL: Record<string, string> = {
  summit: "Summit",
  foreign_ministers: "Foreign ministers",
  two_plus_two: "2+2",
  ministerial: "Ministerial",
  vice_ministerial: "Vice-ministerial",
  working_level: "Working level",
  other: "Other",
  negotiation_round: "Negotiation round",
};
export const MODALITY_LABEL: Record<string, string> = {
  in_person: "In person",
  telephone: "Telephone",
  video: "Video",
};
export const label = (table: Record<string, string>, v: string | null | undefined) => (v ? (table[v] ?? v) : "");

/** "2013-02" -> "Feb 2013", "2013-02-05" -> "5 Feb 2013", "2013" -> "2013". */
export function formatDate(d: string | null | undefined): string {
  if (!d) return "undated";
  const [y, m, day] = d.split("-");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const mon = m ? months[Number(m) - 1] : null;
  return [day ? String(Number(day)) : null, mon, y].filter(Boolean).join(" ");
}
