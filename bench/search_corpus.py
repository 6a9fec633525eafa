"""A synthetic workspace for the search benchmark: 100,000 sources and 1,000,000 quotes.

Written straight into the store tables (sources, speakers in entities and entity_aliases,
quotes) and into the search index exactly as ``briefing.store.search_index._index_source``
would index them: one 'source' row per source, then one 'quote' row per quote, with the
same search_docs facts and the same search_fts columns (CJK spaced with ``briefing.cjk``).
Claims, notes, mentions and originals are left out.

The words follow a Zipf-Mandelbrot law over a 60,000-word vocabulary whose head is real
English, so a handful of words occur in most quotes; a list of phrases ("interest rates")
is mixed in. Dates span 2018-2025; outlets and grades are skewed; 1% of the sources are
Chinese or Japanese. Everything is drawn from seeded generators, batch by batch, so an
interrupted build resumes where it stopped and the result is the same.

    python -m bench.search_corpus [--path P] [--max-seconds S] [--fresh]

The build is recorded in the table ``bench_build`` (parameters, batches done, complete);
a complete file with the same parameters is reused. ``bench_words`` lists each
vocabulary word with its index term and how many index rows contain it, which
``bench.search`` uses to choose its queries.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from bench.names import FAMILY_NAMES, GIVEN_NAMES
from briefing.cjk import spaced
from briefing.store.opening import open_workspace
from briefing.store.search_index import _ITEMS

DEFAULT_PATH = Path("/tmp/briefing-bench/search-1m.briefing")
SEED = 20_240_611
SOURCES = 100_000
QUOTES = 1_000_000
SPEAKERS = 5_000
CJK_SPEAKERS = 100
BATCH = 2_000  # sources per transaction
VOCABULARY = 60_000
ZIPF_S, ZIPF_Q = 1.05, 2.7  # p(rank r) ~ 1 / (r + q) ** s
FIRST_DAY, DAYS = date(2018, 1, 1), 8 * 365
STAMP = "2026-01-01T00:00:00+00:00"

# The head of the vocabulary, most frequent first (news English).
HEAD = """
the of to and a in said that for is on it with was as at by he be from this have are has his not but
an they will were been we their had its more who or which would there after about one up also new two
government people year she out than her what when over could all i other into last first if years can
minister our no some time just president state only million percent because country how police them so
told like before do week between three under any these most public many against while since
us may should where those during national city officials being told made get now back including now
economy market prices election party law report billion security health workers support plan policy
company military leaders court rights power energy money vote talks deal budget crisis war peace trade
officials council agency interest growth tax said policy minister region border water food schools
hospital data bank oil gas climate change reform inflation jobs rates costs services funding investigation
evidence statement spokesman spokeswoman committee parliament ministry opposition campaign protest
union strike contract project program research study survey figures month months today yesterday
morning evening night future history community families children women men local federal foreign
domestic international global regional central northern southern eastern western capital province
""".split()

PHRASES = (
    "interest rates",
    "climate change",
    "supply chain",
    "prime minister",
    "central bank",
    "human rights",
    "public health",
    "foreign minister",
    "election campaign",
    "trade deal",
    "energy prices",
    "ceasefire talks",
    "state of emergency",
    "housing market",
    "minimum wage",
    "peace process",
    "free speech",
    "data protection",
    "renewable energy",
    "labour market",
    "armed forces",
    "court ruling",
    "budget deficit",
    "tax cuts",
    "national security",
    "civil servants",
    "press conference",
    "opinion poll",
    "heat wave",
    "food prices",
    "school closures",
    "water shortage",
    "border controls",
    "vaccine rollout",
    "pension reform",
    "cost of living",
    "rule of law",
    "no comment",
    "behind closed doors",
    "on the record",
)
PHRASE_CHANCE = 0.15  # of a quote or a background sentence holding one phrase

OUTLETS = (
    "The Daily Ledger",
    "Northern Herald",
    "Harbour Times",
    "Capital Wire",
    "Meridian Post",
    "Evening Herald",
    "The Observer Review",
    "Coastline News",
    "Metro Courier",
    "Valley Gazette",
    "The Civic Record",
    "Continental Press",
    "Riverside Chronicle",
    "Global Dispatch",
    "The Morning Standard",
    "Union Journal",
    "Frontier Times",
    "Summit Report",
    "Bayview Tribune",
    "The Public Voice",
    "Westgate Daily",
    "Eastern Star",
    "Market Watchman",
    "Policy Monitor",
    "The Weekly Bulletin",
    "Highland Examiner",
    "Port City Post",
    "Lakeside Sentinel",
    "Delta Telegraph",
    "Pioneer Review",
    "Central Signal",
    "The Open Record",
    "Southern Mail",
    "Atlas Newswire",
    "Granite State Daily",
    "Civic Beacon",
    "Midland Reporter",
    "The Daily Compass",
    "Outer Isles Gazette",
    "Crossroads Journal",
)
CJK_OUTLETS = ("新华视点", "东方日报", "東都新聞", "朝陽ニュース")
GRADES = ("A", "B", "C", "D", "E", "F", None)
GRADE_WEIGHTS = (10, 30, 30, 10, 5, 5, 10)

ZH_WORDS = """
政府 经济 发展 表示 中国 北京 上海 公司 市场 记者 会议 国际 问题 工作 企业 人民 社会 国家 今年 合作 改革 政策
增长 投资 银行 部长 总统 选举 安全 环境 气候 能源 价格 贸易 协议 谈判 疫苗 医院 学校 教育 法院 警方 调查 报告 数据
城市 地区 农村 技术 创新 网络 媒体 消费 出口 进口 利率 通胀 就业 工资 住房 交通 铁路 机场 港口 军队 和平 人权 法律
""".split()
JA_WORDS = """
政府 経済 東京 大阪 会社 市場 記者 会議 国際 問題 企業 社会 国家 今年 協力 改革 政策 成長 投資 銀行 大臣 首相 選挙
安全 環境 気候 エネルギー 価格 貿易 協定 交渉 ワクチン 病院 学校 教育 裁判所 警察 調査 報告 データ 都市 地域 技術
について として による ことを しました です ます 発表 説明 予定 必要 可能 対応 影響 状況 関係 方針 検討
""".split()
ZH_FAMILY, ZH_GIVEN = "王李张刘陈杨黄赵吴周", ("伟", "娜", "敏", "静", "强", "磊", "洋", "艳", "军", "杰")
JA_NAMES = ("田中", "鈴木", "佐藤", "高橋", "伊藤", "渡辺", "山本", "中村", "小林", "加藤")
JA_GIVEN = ("太郎", "花子", "健", "美咲", "翔", "陽子", "大輔", "直美", "誠", "愛")

PRONOUNS = ("he", "she", "they")
UNATTRIBUTED = ("a spokesperson", "officials", "an aide", "a source close to the talks", None)


def _zipf(n: int) -> np.ndarray:
    weights = 1.0 / (np.arange(1, n + 1) + ZIPF_Q) ** ZIPF_S
    return weights / weights.sum()


def _cdf(n: int) -> np.ndarray:
    return np.cumsum(_zipf(n))


def _draw(rng: np.random.Generator, cdf: np.ndarray, size: int) -> np.ndarray:
    """``size`` indexes drawn with the probabilities whose running sum is ``cdf``."""
    return np.minimum(np.searchsorted(cdf, rng.random(size) * cdf[-1], side="right"), len(cdf) - 1)


def _made_up(rng: random.Random, count: int, seen: set[str], syllables=(2, 2, 2, 3), codas=None) -> list[str]:
    """``count`` distinct pronounceable words not in ``seen`` (which grows)."""
    onsets = "b c d f g h j k l m n p r s t v w z br ch cl dr fl gr pl pr sh st th tr".split()
    vowels = "a e i o u ai ea io ou".split()
    codas = codas or ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st"]
    made: list[str] = []
    while len(made) < count:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.choice(syllables)))
        word += rng.choice(codas)
        if word not in seen:
            seen.add(word)
            made.append(word)
    return made


def vocabulary() -> list[str]:
    """HEAD, then made-up words, all distinct; the same on every call."""
    words = list(dict.fromkeys(HEAD))
    return words + _made_up(random.Random(SEED), VOCABULARY - len(words), set(words))


class Generator:
    """Text for one batch of sources, from its own seeded generators."""

    def __init__(self, words: list[str], batch: int):
        self.rng = np.random.default_rng([SEED, batch])
        self.py = random.Random(SEED * 1_000 + batch)
        self.words = np.array(words, dtype=object)
        self.cdf = _cdf(len(words))
        self.phrase_cdf = _cdf(len(PHRASES))
        self.zh_cdf, self.ja_cdf = _cdf(len(ZH_WORDS)), _cdf(len(JA_WORDS))

    def english(self, counts: np.ndarray) -> list[str]:
        """One sentence (no final stop) per entry of ``counts``, of that many words."""
        drawn = self.words[_draw(self.rng, self.cdf, int(counts.sum()))].tolist()
        phrases = self.rng.random(len(counts)) < PHRASE_CHANCE
        picks = _draw(self.rng, self.phrase_cdf, len(counts))
        sentences, at = [], 0
        for n, with_phrase, pick in zip(counts.tolist(), phrases.tolist(), picks.tolist(), strict=True):
            words = drawn[at : at + n]
            at += n
            if with_phrase:
                words.insert(self.py.randrange(len(words) + 1), PHRASES[pick])
            text = " ".join(words)
            sentences.append(text[:1].upper() + text[1:])
        return sentences

    def cjk(self, counts: np.ndarray, japanese: bool) -> list[str]:
        vocab, cdf = (JA_WORDS, self.ja_cdf) if japanese else (ZH_WORDS, self.zh_cdf)
        drawn = _draw(self.rng, cdf, int(counts.sum())).tolist()
        out, at = [], 0
        for n in counts.tolist():
            out.append("".join(vocab[i] for i in drawn[at : at + n]))
            at += n
        return out


def speakers() -> list[tuple[int, str, str | None]]:
    """(id, name, alias) for the Latin-named speakers, then the CJK-named ones."""
    rng = random.Random(SEED + 1)
    extra = _made_up(rng, 160, set(vocabulary()), (2, 3), ["son", "ez", "ski", "ova", "ani", "berg", "ford"])
    families = list(FAMILY_NAMES) + [w.capitalize() for w in extra]
    people, seen = [], set()
    while len(people) < SPEAKERS - CJK_SPEAKERS:
        name = f"{rng.choice(GIVEN_NAMES)} {rng.choice(families)}"
        if name not in seen:
            seen.add(name)
            alias = name.split()[-1] if rng.random() < 0.4 else None
            people.append((len(people) + 1, name, alias))
    for i in range(CJK_SPEAKERS):
        if i % 2 == 0:
            name, alias = ZH_FAMILY[i // 2 % 10] + ZH_GIVEN[i // 20 % 10] + ZH_GIVEN[i % 10], None
        else:
            family = JA_NAMES[i // 2 % 10]
            name, alias = family + JA_GIVEN[i // 20 % 10], family + "氏"
        people.append((len(people) + 1, name, alias))
    return people


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -524288")  # 512 MB
    conn.execute("CREATE TABLE IF NOT EXISTS bench_build (key TEXT PRIMARY KEY, value TEXT)")
    return conn


def _params() -> str:
    return json.dumps(
        {
            "version": 4,  # 4: the speaker column as the app builds it since quotes are found by the speaker's name
            "seed": SEED,
            "sources": SOURCES,
            "quotes": QUOTES,
            "speakers": SPEAKERS,
            "batch": BATCH,
            "vocabulary": VOCABULARY,
            "zipf": [ZIPF_S, ZIPF_Q],
        },
        sort_keys=True,
    )


def state(path: Path) -> dict[str, str]:
    """The bench_build table of an existing file ({} when there is none)."""
    if not path.exists():
        return {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM bench_build").fetchall())
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def _write_speakers(conn: sqlite3.Connection) -> None:
    people = speakers()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO entities (id, name, type, created_at, origin) VALUES (?, ?, 'person', ?, 'analysis')",
        [(i, name, STAMP) for i, name, _ in people],
    )
    conn.executemany(
        "INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [(i, alias) for i, _, alias in people if alias]
    )
    conn.execute("INSERT OR REPLACE INTO bench_build VALUES ('speakers', 'done')")
    conn.execute("COMMIT")


class Batch:
    """The rows of one batch of sources, built in memory, then inserted with executemany."""

    def __init__(self, words: list[str], people: list[tuple[int, str, str | None]], number: int):
        self.gen = Generator(words, number)
        self.number = number
        self.people = people
        self.latin = len(people) - CJK_SPEAKERS
        self.speaker_cdf = _cdf(self.latin)
        self.sources: list[tuple] = []
        self.quotes: list[tuple] = []
        self.docs: list[tuple] = []
        self.fts: list[tuple] = []

    def build(self) -> Batch:
        rng = self.gen.rng
        first_source = self.number * BATCH + 1
        per_batch = QUOTES // (SOURCES // BATCH)
        counts = rng.multinomial(per_batch - 2 * BATCH, np.full(BATCH, 1 / BATCH)) + 2
        days = rng.integers(0, DAYS, size=BATCH).tolist()
        outlets = _draw(rng, _cdf(len(OUTLETS)), BATCH).tolist()
        grades = _draw(rng, np.cumsum(GRADE_WEIGHTS).astype(float), BATCH).tolist()
        next_quote = self.number * per_batch + 1
        next_doc = self.number * (BATCH + per_batch) + 1
        for i in range(BATCH):
            source_id = first_source + i
            published = (FIRST_DAY + timedelta(days=days[i])).isoformat()
            n = int(counts[i])
            if source_id % 100 == 50:
                japanese = source_id // 100 % 2 == 1
                outlet = CJK_OUTLETS[source_id // 100 % len(CJK_OUTLETS)]
                meta = (source_id, published, outlet, GRADES[grades[i]])
                self._cjk_source(meta, n, japanese, next_quote, next_doc)
            else:
                meta = (source_id, published, OUTLETS[outlets[i]], GRADES[grades[i]])
                self._english_source(meta, n, next_quote, next_doc)
            next_quote += n
            next_doc += n + 1
        return self

    def _english_source(self, meta: tuple, n: int, first_quote: int, first_doc: int) -> None:
        rng = self.gen.rng
        title_words = self.gen.words[rng.integers(40, 3_000, size=int(rng.integers(5, 11)))].tolist()
        title = " ".join(title_words).capitalize()
        lengths = np.concatenate([[int(rng.integers(20, 40))], 4 + rng.poisson(8, size=n), 6 + rng.poisson(18, size=n)])
        sentences = self.gen.english(lengths)
        lead, background, said = sentences[0], sentences[1 : n + 1], sentences[n + 1 :]
        day = date.fromisoformat(meta[1])
        parts = [f"{meta[2].upper()}, {day:%B} {day.day}, {day.year} — {lead}."]
        ids = _draw(rng, self.speaker_cdf, n).tolist()
        kinds = rng.random(size=n).tolist()
        quotes = []
        for j in range(n):
            speaker_id, name, _ = self.people[ids[j]]
            if kinds[j] < 0.08:
                speaker_id, speaker_text = None, UNATTRIBUTED[j % len(UNATTRIBUTED)]
            elif kinds[j] < 0.18:
                speaker_text = PRONOUNS[j % len(PRONOUNS)]
            elif kinds[j] < 0.40:
                speaker_text = name
            else:
                speaker_text = name.split()[-1]
            parts.append(f" {background[j]}. \u201c")
            quotes.append((said[j], speaker_id, speaker_text, sum(map(len, parts))))
            parts.append(f"{said[j]},\u201d said {speaker_text or 'someone'}.")
        self._add(meta, title, "".join(parts), "en", quotes, first_quote, first_doc)

    def _cjk_source(self, meta: tuple, n: int, japanese: bool, first_quote: int, first_doc: int) -> None:
        rng = self.gen.rng
        title = self.gen.cjk(np.array([int(rng.integers(4, 8))]), japanese)[0]
        sentences = self.gen.cjk(
            np.concatenate([[30], 3 + rng.poisson(6, size=n), 4 + rng.poisson(10, size=n)]), japanese
        )
        lead, background, said = sentences[0], sentences[1 : n + 1], sentences[n + 1 :]
        parts = [f"{meta[1]}\u3000{lead}。"]
        quotes = []
        for j in range(n):
            speaker_id, name, alias = self.people[self.latin + int(rng.integers(0, CJK_SPEAKERS))]
            speaker_text = alias or name
            parts.append(f"{background[j]}。「")
            quotes.append((said[j], speaker_id, speaker_text, sum(map(len, parts))))
            parts.append(f"{said[j]}」と{speaker_text}は述べた。" if japanese else f"{said[j]}」{speaker_text}说。")
        self._add(meta, title, "".join(parts), "ja" if japanese else "zh", quotes, first_quote, first_doc)

    def _add(self, meta, title, text, language, quotes, first_quote, first_doc) -> None:
        source_id, published, outlet, grade = meta
        content_hash = hashlib.sha256(text.encode()).hexdigest()
        self.sources.append(
            (
                source_id,
                f"/bench/{source_id}.txt",
                "txt",
                content_hash,
                text,
                title,
                outlet,
                published,
                language,
                f"{published}T08:00:00+00:00",
                grade,
                STAMP,
                1,
            )
        )
        spaced_title = spaced(title)
        self.docs.append((first_doc, "source", source_id, source_id, published, outlet, grade, None, None))
        self.fts.append((first_doc, spaced(text), "", spaced_title))
        for j, (said, speaker_id, speaker_text, start) in enumerate(quotes):
            quote_id, doc_id = first_quote + j, first_doc + 1 + j
            self.quotes.append((quote_id, source_id, said, start, start + len(said), speaker_id, speaker_text, "said"))
            # the speaker column as search_index._ITEMS['quote'] builds it: a linked speaker's name
            # and aliases (not the words the text describes them with), else the speaker's words
            name, alias = self.people[speaker_id - 1][1:] if speaker_id else ("", None)
            speaker = f"{name} {alias or ''}".strip(" ") if speaker_id else speaker_text or ""
            self.docs.append((doc_id, "quote", quote_id, source_id, published, outlet, grade, None, speaker_id))
            self.fts.append((doc_id, spaced(said), spaced(speaker), ""))  # the title: with the source alone

    def insert(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO sources (id, path, format, content_hash, text, title, outlet, published, language, "
            "imported_at, reliability, analysed_at, analysis_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            self.sources,
        )
        conn.executemany(
            'INSERT INTO quotes (id, source_id, text, start, "end", speaker_id, speaker_text, cue) '
            "VALUES (?,?,?,?,?,?,?,?)",
            self.quotes,
        )
        conn.executemany(
            "INSERT INTO search_docs (id, kind, ref_id, source_id, published, outlet, grade, status, "
            "speaker_id) VALUES (?,?,?,?,?,?,?,?,?)",
            self.docs,
        )
        conn.executemany("INSERT INTO search_fts (rowid, body, speaker, title) VALUES (?,?,?,?)", self.fts)


def _word_stats(conn: sqlite3.Connection, words: list[str]) -> None:
    """bench_words(word, rank, term, docs): each word's index term and its number of index rows."""
    conn.execute("BEGIN")
    conn.execute("DROP TABLE IF EXISTS bench_words")
    conn.execute("CREATE TABLE bench_words (rank INTEGER PRIMARY KEY, word TEXT, term TEXT, docs INTEGER)")
    conn.execute("CREATE VIRTUAL TABLE temp.stems USING fts5(w, tokenize='porter unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO temp.stems (rowid, w) VALUES (?, ?)", enumerate(words, 1))
    conn.execute("CREATE VIRTUAL TABLE temp.stem_terms USING fts5vocab(temp, stems, instance)")
    conn.execute("CREATE VIRTUAL TABLE temp.index_terms USING fts5vocab(main, search_fts, row)")
    conn.execute("CREATE TEMP TABLE terms AS SELECT term, doc FROM temp.index_terms")
    conn.execute("CREATE INDEX temp.terms_term ON terms(term)")
    conn.execute(
        "INSERT INTO bench_words SELECT s.doc, w.w, s.term, coalesce(t.doc, 0) FROM temp.stem_terms s "
        "JOIN temp.stems w ON w.rowid = s.doc LEFT JOIN temp.terms t ON t.term = s.term"
    )
    conn.execute("COMMIT")


def verify(conn: sqlite3.Connection, sample: int = 300) -> int:
    """Compare the index rows of a sample of sources with what _index_source's queries yield."""
    rng = random.Random(SEED + 2)
    problems = 0
    for source_id in rng.sample(range(1, SOURCES + 1), sample) + [50, 150, 250]:
        title, text = conn.execute("SELECT title, text FROM sources WHERE id = ?", [source_id]).fetchone()
        stored = conn.execute(
            "SELECT d.kind, d.ref_id, d.speaker_id, f.body, f.speaker, f.title FROM search_docs d "
            "JOIN search_fts f ON f.rowid = d.id WHERE d.source_id = ? ORDER BY d.id",
            [source_id],
        ).fetchall()
        expected = [("source", source_id, None, spaced(text), "", spaced(title))]
        expected += [
            ("quote", ref, sid, spaced(body), spaced(speaker), "")
            for ref, body, speaker, sid, _ in conn.execute(_ITEMS["quote"], [source_id]).fetchall()
        ]
        problems += stored != expected
    return problems


def build(path: Path = DEFAULT_PATH, max_seconds: float = 540.0, fresh: bool = False) -> bool:
    """Build or resume; True when the workspace is complete."""
    current = state(path)
    if fresh or (current and current.get("params") != _params()):
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        current = {}
    elif path.exists() and not current:
        sys.exit(f"{path} exists and is not a benchmark workspace; pass --fresh to replace it")
    if current.get("complete") == "1":
        print(f"reusing {path}: complete, built in {float(current['build_seconds']):.0f} s, {_size(path) / 1e9:.2f} GB")
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    open_workspace(path).close()  # the app's schema, by its own migrations
    started = time.perf_counter()
    spent = float(current.get("build_seconds", 0))
    conn = _connect(path)
    conn.execute("INSERT OR IGNORE INTO bench_build VALUES ('params', ?)", [_params()])
    if current.get("speakers") != "done":
        _write_speakers(conn)
    words, people = vocabulary(), speakers()
    done = int(current.get("batches", 0))
    for number in range(done, SOURCES // BATCH):
        batch = Batch(words, people, number).build()
        conn.execute("BEGIN")
        batch.insert(conn)
        elapsed = spent + time.perf_counter() - started
        conn.executemany(
            "INSERT OR REPLACE INTO bench_build VALUES (?, ?)",
            [("batches", str(number + 1)), ("build_seconds", f"{elapsed:.1f}")],
        )
        conn.execute("COMMIT")
        print(f"batch {number + 1}/{SOURCES // BATCH}: {elapsed:.0f} s", flush=True)
        if time.perf_counter() - started > max_seconds and number + 1 < SOURCES // BATCH:
            conn.close()
            print(f"stopped after {max_seconds:.0f} s; run again to continue")
            return False
    _word_stats(conn, words)
    problems = verify(conn)
    if problems:
        sys.exit(f"{problems} sampled sources are indexed differently from search_index._index_source")
    elapsed = spent + time.perf_counter() - started
    conn.executemany(
        "INSERT OR REPLACE INTO bench_build VALUES (?, ?)", [("complete", "1"), ("build_seconds", f"{elapsed:.1f}")]
    )
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    print(f"built {path}: {SOURCES:,} sources, {QUOTES:,} quotes in {elapsed:.0f} s, {_size(path) / 1e9:.2f} GB")
    return True


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--max-seconds", type=float, default=540.0, help="stop between batches after this long")
    parser.add_argument("--fresh", action="store_true", help="delete the file and build it again")
    args = parser.parse_args(argv)
    build(args.path, args.max_seconds, args.fresh)


if __name__ == "__main__":
    main()
