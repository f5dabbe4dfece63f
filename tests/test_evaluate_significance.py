"""Intervals and paired tests: BLEU and chrF agree with sacreBLEU's PairedTest on the same inputs and
settings; mlsum's own procedures (ROUGE, figures) reproduce sacreBLEU's on BLEU's statistics; seeds
repeat; ties and undefined resamples are handled as documented."""

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.significance import PairedTest

from mlsum.evaluate import EvalRecord, Resampling, System, compare_systems, evaluate, load_systems
from mlsum.evaluate.significance import approximate_randomization, compare_ratio, interval, paired_bootstrap
from mlsum.text import paragraphs, sentences
from test_evaluate import EVAL, ROOT

SYSTEMS = [f"lead-3={EVAL / 'lead3.jsonl'}", str(EVAL / "lexrank.jsonl")]


@pytest.fixture(scope="module")
def seed_comparison():
    systems = load_systems(SYSTEMS, EVAL / "references.jsonl", ROOT / "seeds")
    return systems, compare_systems(systems)


def sacrebleu_results(metric, systems, references, test_type, n_samples):
    """sacreBLEU run directly: (score, mean, ci, p_value) per system."""
    named = [(f"s{i}", hyps) for i, hyps in enumerate(systems)]
    _, results = PairedTest(named, {"m": metric}, [references], test_type=test_type, n_samples=n_samples)()
    [column] = [v for k, v in results.items() if k != "System"]
    return [(r.score, r.mean, r.ci, r.p_value) for r in column]


@pytest.mark.parametrize("name, metric", [("bleu", BLEU), ("chrf", CHRF)])
def test_bleu_and_chrf_intervals_and_p_values_are_sacrebleus(seed_comparison, name, metric):
    systems, report = seed_comparison
    hypotheses = [[r.summary for r in s.records] for s in systems]
    references = [r.reference for r in systems[0].records]
    bootstrap = sacrebleu_results(metric(), hypotheses, references, "bs", 1000)
    randomization = sacrebleu_results(metric(), hypotheses, references, "ar", 10000)
    for system, (score, mean, ci, _) in zip(report["systems"], bootstrap):
        corpus = system["corpus"]
        assert corpus[name] == score
        assert corpus["intervals"][name]["mean"] == pytest.approx(mean, rel=1e-6)
        assert corpus["intervals"][name]["ci"] == pytest.approx(ci, rel=1e-6)
        assert corpus["intervals"][name]["low"] == pytest.approx(mean - ci, rel=1e-6)
    [lexrank] = report["comparison"]["systems"]
    assert lexrank["metrics"][name] == {"difference": bootstrap[1][0] - bootstrap[0][0],
                                        "p_bootstrap": bootstrap[1][3], "p_randomization": randomization[1][3]}
    assert report["systems"][0]["corpus"]["signatures"][name].startswith("nrefs:1|bs:1000|ar:10000|seed:12345|")


def test_the_seed_is_sacrebleus_seed(monkeypatch):
    records = load_systems(SYSTEMS[:1], EVAL / "references.jsonl", ROOT / "seeds")[0].records
    hypotheses, references = [r.summary for r in records], [r.reference for r in records]
    default = evaluate(records)["corpus"]["intervals"]
    seven = evaluate(records, Resampling(seed=7))["corpus"]
    assert seven["intervals"]["bleu"] != default["bleu"] and seven["intervals"]["rouge1"] != default["rouge1"]
    assert "seed:7" in seven["signatures"]["bleu"] and seven["signatures"]["rouge1"].endswith("|bs:1000|seed:7")
    monkeypatch.setenv("SACREBLEU_SEED", "7")
    [(_, mean, ci, _)] = sacrebleu_results(BLEU(), [hypotheses], references, "bs", 1000)
    assert (seven["intervals"]["bleu"]["mean"], seven["intervals"]["bleu"]["ci"]) == pytest.approx((mean, ci))
    monkeypatch.setenv("SACREBLEU_SEED", "99")
    assert evaluate(records)["corpus"]["intervals"] == default  # mlsum's seed, not the environment's
    assert evaluate(records)["corpus"]["intervals"] == default  # and the same every run


@pytest.fixture(scope="module")
def sentence_corpus():
    """Each seed sentence a document: the reference is the sentence, system A drops its last word,
    system B its first two (enough documents that no resample ties the observed difference)."""
    references = [s for path in sorted((ROOT / "seeds").glob("*.txt"))
                  for p in paragraphs(path.read_text(encoding="utf-8")) for s in sentences(p)
                  if len(s.split()) > 6]
    a = [" ".join(s.split()[:-1]) for s in references]
    b = [" ".join(s.split()[2:]) for s in references]
    return references, a, b


@pytest.mark.parametrize("metric", [BLEU, CHRF])
def test_mlsum_procedures_reproduce_sacrebleus_on_its_statistics(sentence_corpus, metric):
    """The procedures mlsum applies to ROUGE and the figure metrics, fed sacreBLEU's own sufficient
    statistics (a private sacreBLEU API, used here only), give sacreBLEU's intervals and p-values."""
    references, a, b = sentence_corpus
    assert len(references) > 40
    m = metric()
    stats = [np.array(m._extract_corpus_statistics(h, [references]), dtype=float) for h in (a, b)]

    def score(sums):
        flat = sums.reshape(-1, sums.shape[-1])
        return np.array([m._compute_score_from_stats(list(row)).score for row in flat]).reshape(sums.shape[:-1])

    bootstrap = sacrebleu_results(metric(), [a, b], references, "bs", 300)
    randomization = sacrebleu_results(metric(), [a, b], references, "ar", 2000)
    for system_stats, (_, mean, ci, _) in zip(stats, bootstrap):
        assert interval(system_stats, score, 300, 12345) == pytest.approx((mean, ci), rel=1e-5)
    assert paired_bootstrap(stats[0], stats[1], score, 300, 12345) == bootstrap[1][3]
    assert approximate_randomization(stats[0], stats[1], score, 2000, 12345) == randomization[1][3]
    assert bootstrap[1][3] < 0.01  # a real difference, so the p-values compared are informative


def ratio_stats(rows):
    return np.array(rows, dtype=float).reshape(-1, 2)


def test_tied_counts_are_not_significant():
    """Figure recall differing by one figure in one of five documents: every trial ties or falls short
    of that difference, which sacreBLEU's strict count would call p = 1/(N + 1)."""
    a = ratio_stats([(100, 2), (0, 1), (100, 1), (200, 3), (0, 2)])
    b = ratio_stats([(100, 2), (0, 1), (0, 1), (200, 3), (0, 2)])
    baseline, other = compare_ratio([a, b], Resampling())
    assert other.difference == pytest.approx(-100 / 9)
    assert other.p_randomization > 0.9 and other.p_bootstrap > 0.05
    identical = compare_ratio([a, a.copy()], Resampling())[1]
    assert (identical.difference, identical.p_bootstrap, identical.p_randomization) == (0, 1.0, 1.0)


def test_identical_systems_get_p_one_for_every_metric(seed_comparison):
    systems, _ = seed_comparison
    twin = System("twin", systems[0].records, "twin.jsonl")
    [comparison] = compare_systems([systems[0], twin])["comparison"]["systems"]
    assert comparison["differing_documents"] == 0
    for name, values in comparison["metrics"].items():
        assert values == {"difference": 0, "p_bootstrap": 1.0, "p_randomization": 1.0}, name


def test_resamples_without_figures_are_left_out():
    """Figure precision over five documents, one with figures: most resamples draw no figure at all."""
    precision = ratio_stats([(0, 0)] * 4 + [(100, 2)])
    [scored] = compare_ratio([precision], Resampling(samples=200))
    assert scored.score == 50 and scored.mean == 50 and scored.ci == 0
    [none] = compare_ratio([ratio_stats([(0, 0)] * 3)], Resampling())
    assert none.score is None and none.mean is None and none.interval()["low"] is None


def test_rouge_and_figure_intervals_bracket_the_score():
    source = (ROOT / "seeds" / "002_86f724fbe4640ba6.txt").read_text(encoding="utf-8")
    records = [EvalRecord(str(i), summary, [source], reference="Rebels took 11 villages near Hama.")
               for i, summary in enumerate(["Rebels took 11 villages.", "Rebels took 40 villages near Hama.",
                                            "Fighting went on near Hama.", "Rebels took 11 towns and villages."])]
    corpus = evaluate(records)["corpus"]
    for name in ("rouge1", "rouge2", "rougeL", "rougeLsum", "bleu", "chrf", "figure_precision", "figure_recall"):
        bounds = corpus["intervals"][name]
        assert bounds["low"] <= corpus[name] <= bounds["high"], name
        assert bounds["high"] - bounds["low"] > 0, name
    assert corpus["figure_precision"] == pytest.approx(200 / 3)


def test_resampling_settings_are_checked():
    with pytest.raises(ValueError):
        Resampling(seed=0)  # sacreBLEU would read 0 as "unseeded"
    assert Resampling(samples=50, trials=70, seed=3).signature(paired=True) == "bs:50|ar:70|seed:3"
