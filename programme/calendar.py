"""An iCalendar file of the programme's meetings, so readers can add them to their calendar."""

import datetime

from django.http import HttpResponse
from django.utils.translation import gettext
from icalendar import Calendar, Event

CALENDAR_FILE = "policymakers-programme-ietf-meetings.ics"


def meetings_calendar(request, meetings, filename: str = CALENDAR_FILE) -> HttpResponse:
    """``meetings`` as all-day events; the calendar is named for the programme (the page's title is only "The
    programme"), in the reader's language."""
    calendar = Calendar()
    calendar.add("prodid", "-//Internet Society//Policymakers Programme to the IETF//EN")
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname",
        gettext("IETF meetings · %(programme)s") % {"programme": gettext("Policymakers Programme to the IETF")},
    )
    stamp = datetime.datetime.now(datetime.UTC)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"ietf-{meeting.number}@policymakers-programme")
        event.add("dtstamp", stamp)
        event.add("summary", gettext("IETF %(number)s, %(place)s") % {"number": meeting.number, "place": meeting.place})
        # All-day events: DTEND is the day after the last day (RFC 5545).
        event.add("dtstart", meeting.start_date)
        event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
        if not meeting.online:
            event.add("location", f"{meeting.city}, {meeting.country.name}" if meeting.country else meeting.city)
        event.add("url", request.build_absolute_uri(meeting.get_url(request)))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
