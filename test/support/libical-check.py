# Checks an iCalendar file from stdin with libical (Debian's gir1.2-ical-3.0 through python3-gi): parses
# it and applies the iTIP restrictions of RFC 5546 for its METHOD. Prints each problem libical finds,
# one per line, and nothing when the file passes.
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

component = ICalGLib.Component.new_from_string(sys.stdin.read())
if component is None:
    print("libical could not parse the file")
    sys.exit(0)
component.check_restrictions()
for line in component.as_ical_string().replace("\r\n ", "").splitlines():
    if line.startswith("X-LIC-ERROR"):
        print(line)
