"""`python -m militancy` is `militancy`."""

from militancy.cli import main

raise SystemExit(main())
