"""Writes the text-processing golden fixtures used by tests/MlNetDeep.Tests/Text.

Run with Debian's interpreter (python3-sklearn and python3-nltk installed):

    /usr/bin/python3 make_text_fixtures.py <path to SMSSpamCollection.tsv>

Outputs (beside this script):
  text_sklearn.json   CountVectorizer / TfidfVectorizer on the first 40 SMS messages
  text_porter.json    NLTK PorterStemmer(mode=ORIGINAL_ALGORITHM) on SMS words and paper examples
  text_stopwords.json scikit-learn's ENGLISH_STOP_WORDS (the list MlNetDeep ships as its default)

The preprocessor below mirrors MlNetDeep's TextNormalizer configured with
keepPunctuations=false (other options at their ML.NET defaults: lower case, diacritics
removed, numbers kept) followed by WordTokenizer with its default separator (space), so
the token pattern is simply "runs of non-space characters".
"""
import collections
import json
import os
import re
import sys
import unicodedata

import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer, ENGLISH_STOP_WORDS
from nltk.stem.porter import PorterStemmer

HERE = os.path.dirname(os.path.abspath(__file__))


def is_combining_diacritic(c):
    o = ord(c)
    return 0x0300 <= o <= 0x036F


def normalize(text):
    # ML.NET order: drop punctuation, strip diacritics, then lower-case (invariant).
    out = []
    for c in text:
        if unicodedata.category(c).startswith("P"):
            continue
        d = unicodedata.normalize("NFD", c)
        if len(d) > 1 and all(is_combining_diacritic(x) for x in d[1:]):
            c = d[0]
        elif is_combining_diacritic(c):
            continue
        out.append(c.lower())
    return "".join(out)


def sparse(matrix):
    m = matrix.tocoo()
    order = sorted(range(len(m.data)), key=lambda i: (int(m.row[i]), int(m.col[i])))
    return {
        "shape": [int(matrix.shape[0]), int(matrix.shape[1])],
        "rows": [int(m.row[i]) for i in order],
        "cols": [int(m.col[i]) for i in order],
        "values": [float(m.data[i]) for i in order],
    }


def vectorizer_case(vec, docs):
    x = vec.fit_transform(docs)
    vocab = [None] * len(vec.vocabulary_)
    for term, idx in vec.vocabulary_.items():
        vocab[idx] = term
    case = {"vocabulary": vocab, "matrix": sparse(x)}
    if hasattr(vec, "idf_"):
        case["idf"] = [float(v) for v in vec.idf_]
    return case


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = [l.rstrip("\r\n") for l in f][1:]
    messages = [l.split("\t", 1)[1] for l in lines if "\t" in l]

    docs = messages[:40]
    common = dict(preprocessor=normalize, token_pattern=r"(?u)[^ ]+")
    sk = {
        "sklearn_version": sklearn.__version__,
        "documents": docs,
        "normalized": [normalize(d) for d in docs],
        "count_1_2": vectorizer_case(CountVectorizer(ngram_range=(1, 2), **common), docs),
        "tfidf_default": vectorizer_case(TfidfVectorizer(**common), docs),
        "tfidf_unsmoothed_1_2": vectorizer_case(
            TfidfVectorizer(ngram_range=(1, 2), smooth_idf=False, norm=None, **common), docs),
        "tfidf_sublinear_l1": vectorizer_case(
            TfidfVectorizer(sublinear_tf=True, norm="l1", **common), docs),
    }
    with open(os.path.join(HERE, "text_sklearn.json"), "w", encoding="utf-8") as f:
        json.dump(sk, f, ensure_ascii=False)

    # Porter: the paper's own examples plus the most frequent alphabetic SMS words.
    paper = """caresses ponies ties caress cats feed agreed plastered bled motoring sing
    conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky
    relational conditional rational valenci hesitanci digitizer conformabli radicalli
    differentli vileli analogousli vietnamization predication operator feudalism decisiveness
    hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize
    electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic
    adjustable defensible irritant replacement adjustment dependent adoption homologou
    communism activate angulariti homologous effective bowdlerize probate rate cease controll
    roll generalization generalizations oscillators information computers computer computing
    computation connection connections connective connected connecting a is as us by sky
    tree trees trouble troubles private oaten orrery ivy oats y yy syzygy toy""".split()
    counts = collections.Counter()
    for m in messages:
        counts.update(re.findall(r"[a-z]+", m.lower()))
    frequent = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    words = list(dict.fromkeys(paper + frequent[:2500]))
    stemmer = PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)
    porter = {"words": words, "stems": [stemmer.stem(w) for w in words]}
    with open(os.path.join(HERE, "text_porter.json"), "w", encoding="utf-8") as f:
        json.dump(porter, f, ensure_ascii=False)

    with open(os.path.join(HERE, "text_stopwords.json"), "w", encoding="utf-8") as f:
        json.dump({"english": sorted(ENGLISH_STOP_WORDS)}, f)


if __name__ == "__main__":
    main()
