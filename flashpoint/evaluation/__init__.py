"""Scoring coded events against gold data (seed format and sentence-set format).

Pure scoring functions take ``model.Event`` lists and parsed gold and return typed results:
``score_seed(pred_events, gold) -> SeedScores``, ``score_sentence_set(pred_by_id, sentences)
-> SentenceSetScores``. ``evaluate(gold_path, pred_path=None)`` reads files and codes texts.
"""
from .gold import SEED, SENTENCE_SET, Gold, detect_format, load_gold
from .matching import match_pairs
from .report import format_result
from .runner import evaluate
from .scores import PRF, Scores
from .seed import GoldEvent, SeedGold, SeedScores, read_seed_gold, score_seed
from .sentence_set import (CodeAccuracy, ExpectedEvent, GoldSentence, SentenceSetScores,
                           event_fits, read_sentence_set, score_sentence_set)

__all__ = ["SEED", "SENTENCE_SET", "Gold", "detect_format", "load_gold", "match_pairs",
           "format_result", "evaluate", "PRF", "Scores", "GoldEvent", "SeedGold", "SeedScores",
           "read_seed_gold", "score_seed", "CodeAccuracy", "ExpectedEvent", "GoldSentence",
           "SentenceSetScores", "event_fits", "read_sentence_set", "score_sentence_set"]
