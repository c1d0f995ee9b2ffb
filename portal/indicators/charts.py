"""Bar charts drawn on the server as SVG: no script, printable, readable without colour.
Each chart comes with the table of its numbers and one sentence that says what it shows,
so a screen reader user (and a printout) gets the same facts as the picture."""

from django.utils.translation import gettext as _

from .figures import INSTITUTION_GROUPS

WIDTH = 640
BAR_AREA = 200  # the height of the tallest bar
LABEL_SPACE = 40  # below the bars, for their labels
VALUE_SPACE = 20  # above the bars, for their numbers


def bar_chart(key, title, heading, bars, summary):
    """A chart's drawing: each bar's box, label and number, scaled to the tallest bar."""
    tallest = max((value for _label, value in bars), default=0) or 1
    slot = WIDTH / max(len(bars), 1)
    drawn = []
    for position, (label, value) in enumerate(bars):
        height = round(BAR_AREA * value / tallest)
        x = round(position * slot + slot * 0.15)
        drawn.append(
            {
                "label": label,
                "value": value,
                "x": x,
                "width": round(slot * 0.7),
                "y": VALUE_SPACE + BAR_AREA - height,
                "height": height,
                "centre": round(position * slot + slot / 2),
            }
        )
    return {
        "key": key,
        "title": title,
        "heading": heading,
        "summary": summary,
        "bars": drawn,
        "width": WIDTH,
        "height": VALUE_SPACE + BAR_AREA + LABEL_SPACE,
        "baseline": VALUE_SPACE + BAR_AREA,
        "label_y": VALUE_SPACE + BAR_AREA + 24,
    }


def people_by_month(found):
    """People confirmed for meetings, by the month of the meeting."""
    bars = [(month.strftime("%Y-%m"), row["attendees"]) for month, row in found["months"].items()]
    counted = [bar for bar in bars if bar[1]]
    if counted:
        busiest = max(counted, key=lambda bar: bar[1])
        summary = _(
            "People at meetings: %(total)s in total, in %(months)s month(s); the most, "
            "%(most)s, in %(month)s."
        ) % {
            "total": found["total"]["attendees"],
            "months": len(counted),
            "most": busiest[1],
            "month": busiest[0],
        }
    else:
        summary = _("Nobody took part in a meeting in this period.")
    return bar_chart(
        "people-by-month", _("People at meetings by month"), _("People"), bars, summary
    )


def institutions_by_type(found):
    """Distinct institutions with a confirmed place, by group of institution."""
    bars = [
        (str(label), found["total"][name]) for name, (label, _types) in INSTITUTION_GROUPS.items()
    ]
    if any(value for _label, value in bars):
        largest = max(bars, key=lambda bar: bar[1])
        summary = _(
            "Institutions that took part: %(total)s; the largest group is %(group)s, "
            "with %(count)s."
        ) % {"total": found["total"]["institutions"], "group": largest[0], "count": largest[1]}
    else:
        summary = _("No institution took part in this period.")
    return bar_chart(
        "institutions-by-type",
        _("Institutions by type"),
        _("Institutions"),
        bars,
        summary,
    )


def report_charts(found):
    return [people_by_month(found), institutions_by_type(found)]
