"""How each content language is analysed for search, in PostgreSQL and in Elasticsearch.

Pure data and string functions: the settings module imports this to build the backends.
"""

import re

from website.text import HAN_RUN

# Each language's PostgreSQL text-search configuration and Elasticsearch analyzer. PostgreSQL has no
# Chinese configuration: Chinese is cut into character bigrams and indexed with "simple" (see ``bigrams``).
ANALYSIS = {
    "en": ("english", "english"),
    "fr": ("french", "french"),
    "es": ("spanish", "spanish"),
    "ar": ("arabic", "arabic"),
    "ru": ("russian", "russian"),
    "pt": ("portuguese", "portuguese"),
    "zh-hans": ("simple", "cjk"),
}
POSTGRES_CONFIGS = {code: postgres for code, (postgres, _elasticsearch) in ANALYSIS.items()}
ELASTICSEARCH_ANALYZERS = {code: elasticsearch for code, (_postgres, elasticsearch) in ANALYSIS.items()}
BIGRAM_LANGUAGES = {"zh-hans"}
FALLBACK_LANGUAGE = "en"


def postgres_config(language_code: str) -> str:
    return POSTGRES_CONFIGS.get(language_code, "simple")


def uses_bigrams(language_code: str) -> bool:
    return language_code in BIGRAM_LANGUAGES


def bigrams(text: str) -> str:
    """Cut each run of Han characters into overlapping pairs, the way Elasticsearch's cjk analyzer does.

    "域名系统" becomes "域名 名系 系统"; a lone character stays as it is; Latin words, numbers and
    punctuation are left alone, so "DNS 域名" becomes "DNS 域名". Indexing and queries both go through
    this, so a two-character word is found inside any longer sentence.
    """

    def pairs(match):
        run = match.group(0)
        if len(run) == 1:
            return f" {run} "
        return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "

    return re.sub(r" {2,}", " ", HAN_RUN.sub(pairs, text)).strip()


def search_backend_alias(language_code: str) -> str:
    """The name of the Elasticsearch backend holding one language's index."""
    return f"elasticsearch-{language_code}"
