import { describe, expect, it } from "vitest";
import { findCountries } from "../../../src/extraction/countries.js";
import { findPersons } from "../../../src/extraction/persons.js";

const run = (text: string, year: number | null = null) => findPersons(text, { year, countries: findCountries(text) });
const names = (text: string, year: number | null = null) => run(text, year).map((p) => p.name);

describe("findPersons: title + name", () => {
  it("reads office titles before full names, with offsets of the name", () => {
    const text =
      "The visits of Prime Minister Shinzo Abe and Minister for Foreign Affairs Fumio Kishida were followed by visits of Secretary of State John Kerry and Secretary of Defense Chuck Hagel.";
    const hits = run(text, 2013);
    expect(hits.map((h) => h.name)).toEqual(["Shinzo Abe", "Fumio Kishida", "John Kerry", "Chuck Hagel"]);
    expect(hits.map((h) => h.role)).toEqual([
      "Prime Minister",
      "Minister for Foreign Affairs",
      "Secretary of State",
      "Secretary of Defense",
    ]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.surface);
    expect(hits[0]!.surface).toBe("Shinzo Abe");
    expect(hits.every((h) => !h.familyOnly)).toBe(true);
  });

  it("keeps middle initials, particles and diacritics", () => {
    expect(names("He met President Donald J. Trump in Washington.")).toEqual(["Donald Trump"]);
    expect(names("talks with Prime Minister Jos\u00e9 Ulisses Correia e Silva, who attended")).toEqual([
      "Jos\u00e9 Ulisses Correia e Silva",
    ]);
    expect(names("Crown Prince Mohammed bin Salman received the delegation")).toEqual(["Mohammed bin Salman"]);
    const vdl = run("President Ursula von der Leyen of the European Commission");
    expect(vdl[0]!.name).toBe("Ursula von der Leyen");
    expect(vdl[0]!.family).toBe("von der Leyen");
    expect(names("Foreign Minister M\u00e9lanie Joly visited Tokyo", 2022)).toEqual(["M\u00e9lanie Joly"]);
  });

  it("turns Japanese names written family first into English order", () => {
    const hits = run("the state funeral for the late Prime Minister ABE Shinzo in September", 2022);
    expect(hits.map((h) => h.name)).toEqual(["Shinzo Abe"]);
    expect(names("Minister of Economy, Trade and Industry NISHIMURA Yasutoshi attended")).toEqual([
      "Yasutoshi Nishimura",
    ]);
  });

  it("reads Japanese names in the capitals convention without a title", () => {
    expect(names("(Photo: SUZUKI Taro greets the guests at the ODA Charter event)")).toEqual(["Taro Suzuki"]);
    expect(names("the ASEAN Regional Forum and the IAEA Board of Governors")).toEqual([]);
    expect(names("UN Women and ODA Kobe projects")).toEqual([]);
  });

  it("keeps family-first order for Chinese and Korean names and says which word is the family name", () => {
    const hits = run("Minister of Foreign Affairs Yun Byung-se and Premier Li Keqiang", 2015);
    expect(hits.map((h) => [h.name, h.family])).toEqual([
      ["Yun Byung-se", "Yun"],
      ["Li Keqiang", "Li"],
    ]);
  });
});

describe("findPersons: family names resolved through the officeholder table", () => {
  it("uses the office and the year", () => {
    const hits = run("Foreign Minister Hayashi visited the U.S., and Prime Minister Kan's visit was planned.", 2022);
    expect(hits[0]).toMatchObject({ name: "Yoshimasa Hayashi", family: "Hayashi", country: "JPN", familyOnly: true });
    // Naoto Kan was Prime Minister in 2010 and 2011 only: the office alone still names one person
    expect(hits[1]!.name).toBe("Naoto Kan");
    expect(names("President Biden and President Barrow", 2022)).toEqual(["Joseph Biden", "Adama Barrow"]);
    expect(names("Foreign Minister Kishida met Foreign Minister Dion", 2015)).toEqual([
      "Fumio Kishida",
      "St\u00e9phane Dion",
    ]);
  });

  it("tells two holders of one family name apart by year", () => {
    expect(names("Foreign Minister Kono held talks", 2018)).toEqual(["Taro Kono"]);
    expect(names("Foreign Minister Kono held talks", 1995)).toEqual(["Yohei Kono"]);
    expect(names("President Bush visited Japan", 2002)).toEqual(["George W. Bush"]);
  });

  it("gives a family name alone the full name the same text gives", () => {
    const hits = run("Foreign Minister Mamadou Tangara attended. Later, Minister Tangara held talks.", 2022);
    expect(hits.map((h) => [h.name, h.familyOnly])).toEqual([
      ["Mamadou Tangara", false],
      ["Mamadou Tangara", true],
    ]);
    // two holders of the office in the table, one named in the text
    expect(names("Prime Minister Lee Hsien Loong arrived. Prime Minister Lee said.", 2018)).toEqual([
      "Lee Hsien Loong",
      "Lee Hsien Loong",
    ]);
  });

  it("keeps the table's answer over another person of the same family named in the text", () => {
    expect(names("State Minister for Foreign Affairs Toshiko Abe met Prime Minister Abe", 2019)).toEqual([
      "Toshiko Abe",
      "Shinzo Abe",
    ]);
  });

  it("meets older spellings of Japanese names and keeps the text's spelling", () => {
    expect(names("Minister for Foreign Affairs Koumura met the press", 2008)).toEqual(["Masahiko Koumura"]);
    // a word the person is called by is not a spelling of the family name
    expect(names("Prime Minister Prayut met the press", 2019)).toEqual(["Prayut Chan-o-cha"]);
  });

  it("reads a bare Secretary before a family name", () => {
    expect(names("Minister Motegi and Secretary Blinken met", 2021)).toEqual(["Toshimitsu Motegi", "Antony Blinken"]);
  });

  it("does not give a common family name out of its holder's term to that holder", () => {
    expect(names("Foreign Minister Wang held talks", 2015)).toEqual(["Wang Yi"]);
    expect(names("Foreign Minister Wang held talks", 2005)).toEqual(["Wang"]);
    // a rare family name out of term is still the former holder
    expect(names("the late Prime Minister Abe", 2023)).toEqual(["Shinzo Abe"]);
  });

  it("falls back to the family name alone when the table cannot decide", () => {
    expect(names("Foreign Minister Kono held talks", null)).toEqual(["Kono"]);
    const hits = run("Foreign Minister Zorglub held talks", 2020);
    expect(hits).toMatchObject([{ name: "Zorglub", familyOnly: true, role: "Foreign Minister" }]);
  });

  it("reads several names after a plural title", () => {
    expect(
      names("Foreign Ministers Kishida and Wang Yi met; Prime Ministers Abe, Modi and Turnbull spoke", 2016),
    ).toEqual(["Fumio Kishida", "Wang Yi", "Shinzo Abe", "Narendra Modi", "Malcolm Turnbull"]);
    expect(names("the two Prime Ministers agreed; the G7 Leaders Statement")).toEqual([]);
  });

  it("reads leaders' administrations", () => {
    expect(names("Since the inauguration of the Kan Administration in June 2010", 2010)).toEqual(["Naoto Kan"]);
    expect(names("under the Biden administration, and the Akufo-Addo administration", 2022)).toEqual([
      "Joseph Biden",
      "Nana Akufo-Addo",
    ]);
    expect(names("the Japanese government and the English government")).toEqual([]);
    expect(names("the Moon administration", 2019)).toEqual(["Moon Jae-in"]);
  });

  it("finds full names of the table without a title", () => {
    expect(names("a new administration headed by Justin Trudeau started")).toEqual(["Justin Trudeau"]);
  });
});

describe("findPersons: honorifics and appositives", () => {
  it("reads readout style names with their office and country", () => {
    const text =
      "Mr. Fumio Kishida, Minister for Foreign Affairs, held a meeting with Mr. Yun Byung-se, Minister of Foreign Affairs of the ROK. From the ROK side, H.E. Mr. Yoo Heung-soo, Ambassador Extraordinary and Plenipotentiary of the Embassy of the ROK in Japan, Mr. Kim Hong-kyun, Deputy Minister for Political Affairs, and others attended.";
    const hits = run(text, 2015);
    expect(hits.map((h) => h.name)).toEqual(["Fumio Kishida", "Yun Byung-se", "Yoo Heung-soo", "Kim Hong-kyun"]);
    expect(hits[1]).toMatchObject({ role: "Minister of Foreign Affairs of the ROK", country: "KOR" });
    expect(hits[2]!.country).toBe("KOR");
    // listed after "From the ROK side"
    expect(hits[3]!.country).toBe("KOR");
  });

  it("gives the persons of a side's attendee list that side's country", () => {
    const hits = run(
      "(From the Japanese side, Mr. Taro Yamada, Deputy Minister, and others attended. From the ROK side, Mr. Park Min-soo, Director-General, and others attended.) Mr. Jiro Sato spoke.",
    );
    expect(hits.map((h) => [h.name, h.country])).toEqual([
      ["Taro Yamada", "JPN"],
      ["Park Min-soo", "KOR"],
      ["Jiro Sato", null],
    ]);
  });

  it("reads the Honorable and His Excellency", () => {
    const hits = run(
      "a telephone talk with the Honorable Donald Trump, President of the United States of America, and with His Excellency Mr. Li Keqiang, Premier of the State Council of China",
      2018,
    );
    expect(hits.map((h) => [h.name, h.country])).toEqual([
      ["Donald Trump", "USA"],
      ["Li Keqiang", "CHN"],
    ]);
  });
});

describe("findPersons: what is not a person", () => {
  it("ignores titles without a name", () => {
    expect(names("the two Prime Ministers agreed; the Minister for Foreign Affairs, followed by a dinner")).toEqual([]);
    expect(names("the first Japanese Prime Minister in nine years; the President of the ROK")).toEqual([]);
  });

  it("does not take a place or a body after a title for part of the name", () => {
    expect(names("Governor of Okinawa Prefecture Denny Tamaki met the press")).toEqual(["Denny Tamaki"]);
    expect(names("the Prime Minister Office Building")).toEqual([]);
    expect(names("a Prime Minister Special Envoy; Madam Chair")).toEqual([]);
  });

  it("reads attendee lists of titles with bodies and countries", () => {
    const hits = run(
      "Chinese side: Vice Premier Liu He, Chairman of the National Development and Reform Commission He Lifeng, Ambassador to Japan Kong Xuanyou, and others.",
      2019,
    );
    expect(hits.map((h) => [h.name, h.family])).toEqual([
      ["Liu He", "Liu"],
      ["He Lifeng", "He"],
      ["Kong Xuanyou", "Kong"],
    ]);
    expect(hits[2]!.role).toBe("Ambassador to Japan");
    // the next item of a list is not the role of the name before it
    const list = run(
      "Japanese side: Mr. Taro Yamada, Minister of Finance Ichiro Suzuki, Ambassador to China Jiro Sato.",
    );
    expect(list.map((h) => [h.name, h.role, h.country])).toEqual([
      ["Taro Yamada", null, "JPN"],
      ["Ichiro Suzuki", "Minister of Finance", "JPN"],
      ["Jiro Sato", "Ambassador to China", "JPN"],
    ]);
  });

  it("does not take an institution named after a person for the person", () => {
    expect(names("support for the Kofi Annan International Peacekeeping Training Centre")).toEqual([]);
    expect(names("a message from Kofi Annan to the conference")).toEqual(["Kofi Annan"]);
  });

  it("ignores institutions, places and headlines' verbs", () => {
    expect(names("The Noguchi Memorial Institute for Medical Research is a symbol")).toEqual([]);
    expect(names("Prime Minister Abe Visits Canada", 2013)).toEqual(["Shinzo Abe"]);
    expect(names("the Japan-U.S. Summit Meeting and the Prime Minister's Office")).toEqual([]);
  });

  it("takes the country from an adjective right before the title", () => {
    const hits = run("Canadian Prime Minister Zorglub arrived; Japan is far from Minister Quux");
    expect(hits.map((h) => [h.name, h.country])).toEqual([
      ["Zorglub", "CAN"],
      ["Quux", null],
    ]);
  });

  it("returns hits in text order without overlaps", () => {
    const hits = run("President Putin and Prime Minister Abe met. Mr. Abe Shinzo spoke.", 2013);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end);
    expect(hits.map((h) => h.name)).toEqual(["Vladimir Putin", "Shinzo Abe", "Shinzo Abe"]);
  });
});

describe("findPersons: long input", () => {
  it("stays linear on a long text without punctuation", () => {
    const chunk = "Mr. Taro Yamada, Director of the Office of the Bureau of the Division of the Section ";
    const text = chunk.repeat(4000);
    const hits = findPersons(text, { year: null, countries: [] });
    expect(hits).toHaveLength(4000);
    expect(hits[0]!.name).toBe("Taro Yamada");
  });
});

describe("findPersons: any input", () => {
  it("returns ordered, non-overlapping hits whose surface is the text at their offsets", async () => {
    const fc = await import("fast-check");
    const words = fc.constantFrom(
      "Prime Minister",
      "Mr.",
      "Abe",
      "ABE Shinzo",
      "President",
      "Biden",
      "the",
      "of",
      "Japan",
      ",",
      ".",
      "Kim Jong-un",
      "administration",
      "H.E.",
      "Foreign Minister",
      "Hayashi",
      "\u2013",
      "\n",
      "Justin Trudeau",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.integer({ min: 1990, max: 2025 }), (ws, year) => {
        const text = ws.join(" ");
        const hits = findPersons(text, { year, countries: findCountries(text) });
        let last = 0;
        for (const h of hits) {
          expect(h.start).toBeGreaterThanOrEqual(last);
          expect(h.end).toBeGreaterThan(h.start);
          expect(text.slice(h.start, h.end)).toBe(h.surface);
          expect(h.name.length).toBeGreaterThan(0);
          last = h.end;
        }
      }),
    );
  });
});

describe("findPersons: red-team fixes", () => {
  it("skips an honorific between a title and the name", () => {
    const hits = run(
      "Parliamentary Vice-Minister for Foreign Affairs Ms. Horii met Deputy Foreign Minister Mr. Ryabkov.",
      2019,
    );
    expect(hits.map((h) => h.name)).toEqual(["Horii", "Ryabkov"]);
    expect(hits[0]!.country).toBe("JPN");
    expect(hits[0]!.surface).toBe("Horii");
  });

  it("leaves post-nominal letters out of the name", () => {
    const hits = run("The Honourable Julie Bishop MP, Minister for Foreign Affairs of Australia, visited Japan.", 2014);
    expect(hits.map((h) => [h.name, h.family])).toEqual([["Julie Bishop", "Bishop"]]);
    expect(hits[0]!.role).toBe("Minister for Foreign Affairs of Australia");
    expect(names("a call with the Hon. Alexander Downer MP, Minister for Foreign Affairs", 2005)).toEqual([
      "Alexander Downer",
    ]);
  });

  it("reads an appositive role that ends in a country of two words", () => {
    const [p] = run("a courtesy call from H.E. Mr. Dinesh Perera, Minister of Foreign Affairs of Sri Lanka.", 2022);
    expect(p!.role).toBe("Minister of Foreign Affairs of Sri Lanka");
    expect(p!.country).toBe("LKA");
  });

  it("does not carry a role across a line break into the date line", () => {
    const [p] = run(
      "Call by Mr. Antony Blinken, Secretary of State of the United States\nMarch 16, 2021\nOn March 16",
      2021,
    );
    expect(p!.role).toBe("Secretary of State of the United States");
  });

  it("places Japan's Vice-Minister for Foreign Affairs in Japan, in an appositive too", () => {
    const hits = run(
      "attended by Mr. Ken Sato, Vice-Minister for Foreign Affairs, and Mr. Kurt Campbell, Deputy Secretary of State.",
      2024,
    );
    expect(hits.map((h) => [h.name, h.country])).toEqual([
      ["Ken Sato", "JPN"],
      ["Kurt Campbell", null],
    ]);
  });

  it("settles a shared family name by the country the sentence names", () => {
    const text =
      "Prime Minister Fukuda visited Saudi Arabia in April and met King Abdullah. King Abdullah of Jordan visited Tokyo in June.";
    expect(run(text, 2008).map((h) => [h.name, h.country])).toEqual([
      ["Yasuo Fukuda", "JPN"],
      ["Abdullah bin Abdulaziz Al Saud", "SAU"],
      ["Abdullah II", "JOR"],
    ]);
    // two Prime Ministers Lee in 2018: the sentence's country decides, none stays a family name
    expect(names("Prime Minister Lee held talks with Prime Minister Abe in Singapore.", 2018)).toEqual([
      "Lee Hsien Loong",
      "Shinzo Abe",
    ]);
    expect(names("Prime Minister Lee held talks with Prime Minister Abe.", 2018)).toEqual(["Lee", "Shinzo Abe"]);
  });
  it("tells George W. Bush from George H. W. Bush by the initials, else by the year", () => {
    expect(names("President George W. Bush and President George H. W. Bush", 2006)).toEqual([
      "George W. Bush",
      "George H. W. Bush",
    ]);
    expect(names("President George Bush visited Tokyo.", 2006)).toEqual(["George W. Bush"]);
    expect(names("President George Bush visited Tokyo.", 1991)).toEqual(["George H. W. Bush"]);
  });

  it("reads the role after a name's 'Jr.', and takes the term nearest the year", () => {
    const [p] = run(
      "a telephone talk with the Honorable Joseph R. Biden, Jr., President-elect of the United States.",
      2020,
    );
    expect(p!.name).toBe("Joseph Biden");
    expect(p!.role).toBe("President-elect of the United States");
    expect(p!.country).toBe("USA");
  });

  it("finds the table's person behind a middle name it does not write", () => {
    const [p] = run("chaired by H.E. Mr. Rodrigo Roa Duterte, President of the Philippines.", 2017);
    expect([p!.name, p!.family, p!.country]).toEqual(["Rodrigo Duterte", "Duterte", "PHL"]);
  });

  it("keeps the body's name in a title before the name", () => {
    const hits = run("with President of the European Council Herman Van Rompuy in Tokyo", 2010);
    expect(hits.map((h) => [h.name, h.role])).toEqual([["Herman Van Rompuy", "President of the European Council"]]);
  });
});

describe("findPersons: titles before country names", () => {
  it("takes no word of a country's name for a person ('Foreign Ministers of Cambodia, Lao PDR')", () => {
    expect(names("Foreign Ministers of Cambodia, Lao PDR, Myanmar, Thailand and Viet Nam participated.", 2020)).toEqual(
      [],
    );
  });

  it("reads 'First Vice Minister' as an appositive role", () => {
    const [p] = run(
      "with Mr. Lim Sung-nam, First Vice Minister of Foreign Affairs of the Republic of Korea, in Seoul.",
      2016,
    );
    expect([p!.name, p!.role, p!.country]).toEqual([
      "Lim Sung-nam",
      "First Vice Minister of Foreign Affairs of the Republic of Korea",
      "KOR",
    ]);
  });
});

describe("findPersons: officials who only share a leader's family name", () => {
  it("does not make 'Mr. Abe, Counsellor' the Prime Minister: a role after the name outside the table's offices", () => {
    const hits = run("Mr. Abe, Counsellor, and Mr. Kono, Director of the Division, attended.", 2019);
    expect(hits.map((h) => [h.name, h.role])).toEqual([
      ["Abe", "Counsellor"],
      ["Kono", "Director of the Division"],
    ]);
    expect(names("Mr. Kono, Minister for Foreign Affairs, spoke.", 2019)).toEqual(["Taro Kono"]);
  });

  it("leaves a bare 'Mr. Kim' or 'Mr. Wang' unresolved, unless the text names the person in full", () => {
    expect(names("Mr. Kim stated that the DPRK would continue its programmes.", 2022)).toEqual(["Kim"]);
    expect(names("Mr. Wang Yi met the Prime Minister. Mr. Wang said that China would cooperate.", 2019)).toEqual([
      "Wang Yi",
      "Wang Yi",
    ]);
    expect(names("Chairman Kim said.", 2022)).toEqual(["Kim Jong-un"]);
  });
});

describe("findPersons: peers and the country in a title's complement", () => {
  it("reads 'Lord' as an honorific and the country after 'of' in the title, not after 'to'", () => {
    const hits = run(
      "Minister of State for Foreign Affairs of the United Kingdom Lord Ahmad met Ambassador to Japan Kim Sung-han.",
      2022,
    );
    expect(hits.map((h) => [h.name, h.country])).toEqual([
      ["Ahmad", "GBR"],
      ["Kim Sung-han", null],
    ]);
  });
});

describe("findPersons: the year a sentence dates itself by", () => {
  it("resolves a family name by the sentence's one year, else by the document's", () => {
    const text =
      "In 1995, Foreign Minister Kono visited China. Foreign Minister Kono met Foreign Minister Wang Yi in 2018. Under the 2000 declaration, Foreign Minister Kono spoke.";
    expect(names(text, 2023)).toEqual(["Yohei Kono", "Taro Kono", "Wang Yi", "Kono"]);
    expect(names("President Bush visited Japan in 1992.", 2006)).toEqual(["George H. W. Bush"]);
    // two years in the sentence: the document's year decides
    expect(names("President Bush visited Japan in February 2002 and in November 1992.", 2006)).toEqual([
      "George W. Bush",
    ]);
  });
});
