"""World regions of the UN M49 standard, by ISO 3166-1 alpha-2 country code.

The regions are M49's continental regions, with the Americas split as M49 does into Latin
America and the Caribbean (419) and Northern America (021). Region names are not written here:
they come translated from CLDR through Babel (see ``region_name``); country names come from
django-countries.
"""

from babel import Locale as BabelLocale
from django.utils.translation import get_language, to_locale

AFRICA, LATIN_AMERICA, NORTHERN_AMERICA, ASIA, EUROPE, OCEANIA = "002", "419", "021", "142", "150", "009"
REGIONS = [AFRICA, LATIN_AMERICA, NORTHERN_AMERICA, ASIA, EUROPE, OCEANIA]

_COUNTRIES = {
    AFRICA: "DZ EG LY MA SD TN EH IO BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG "
    "CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG TF",
    LATIN_AMERICA: "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN "
    "MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    NORTHERN_AMERICA: "BM CA GL PM US",
    ASIA: "KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR MV NP PK LK AM AZ BH "
    "CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    EUROPE: "BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB AL AD BA HR GI GR VA IT MT "
    "ME MK PT SM RS SI ES XK AT BE FR DE LI LU MC NL CH",
    OCEANIA: "AU CX CC HM NZ NF NC PG SB VU FJ GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF",
}
REGION_OF_COUNTRY = {code: region for region, codes in _COUNTRIES.items() for code in codes.split()}


def region_of(country_code: str) -> str | None:
    return REGION_OF_COUNTRY.get(str(country_code).upper())


def region_name(region: str, language_code: str | None = None) -> str:
    """The region's name in the reader's language, from CLDR."""
    babel_locale = BabelLocale.parse(to_locale(language_code or get_language() or "en"))
    return babel_locale.territories.get(region, region)
