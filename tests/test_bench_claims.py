"""The claims benchmark runs end to end on a tiny data folder of our own words."""

import csv
import json

from bench import claims

SENTENCES = [
    ("The outage left 40,000 households without water for three days.", 1),
    ("Unemployment fell to 4.1 percent last year.", 1),
    ("The ministry spent $2 billion on new pipes in 2024.", 1),
    ("Our opponent voted against the budget twelve times.", 1),
    ("Thank you all for being here tonight.", 0),
    ("I think we can do better.", 0),
    ("What a wonderful crowd.", 0),
    ("Let me tell you something.", 0),
    ("We need to work together.", 0),
    ("Good evening, everyone.", 0),
]
BODIES = {
    0: "Port Halden's water plant failed on Sunday. The city said 40,000 households had no water.",
    5: "The central bank raised rates by half a point on Tuesday, its third rise this year.",
    10: "A hacker group claimed the attack on the water plant, but officials said the claim was a hoax.",
    11: "Investors sold shares after the rate rise, and the currency gained against the dollar.",
}
STANCES = [  # FNC-1's own columns and labels
    ("Water plant failure leaves 40,000 homes dry", 0, "agree"),
    ("Water plant failure leaves 40,000 homes dry", 10, "discuss"),
    ("Water plant failure leaves 40,000 homes dry", 5, "unrelated"),
    ("Central bank raises rates again", 5, "agree"),
    ("Central bank raises rates again", 11, "discuss"),
    ("Central bank raises rates again", 0, "unrelated"),
]


def _data(folder):
    (folder / "claimbuster").mkdir()
    (folder / "fnc1").mkdir()
    rows = [{"sentence_id": i, "label": label, "text": text} for i, (text, label) in enumerate(SENTENCES)]
    (folder / "claimbuster" / "train.json").write_text(json.dumps(rows), encoding="utf-8")
    with (folder / "fnc1" / "train_bodies.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(BODIES.items())
    with (folder / "fnc1" / "train_stances.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(STANCES)
    return folder


def test_the_benchmark_prints_every_figure_beside_its_target(tmp_path, capsys):
    assert claims.main([str(_data(tmp_path)), "--lexical"]) == 0
    out = capsys.readouterr().out
    for name in ("headlines as claims", "ClaimBuster F1", "success@1", "contradicts precision"):
        assert name in out
    verdicts = [line.split()[0] for line in out.splitlines()[-6:] if line.split()]
    assert verdicts and set(verdicts) <= {"PASS", "BELOW", "n/a"}


def test_verdicts_follow_the_targets():
    assert claims.verdict("success@1", 0.96) == "PASS"
    assert claims.verdict("success@1", 0.5) == "BELOW"
    assert claims.verdict("re-ranking s per claim (at most)", 0.3) == "PASS"
    assert claims.verdict("re-ranking s per claim (at most)", 0.7) == "BELOW"
    assert claims.verdict("contradicts precision", None) == "n/a"
