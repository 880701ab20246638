"""The assessment of a submitted report (DOMAIN §4): reads in `selectors`, the workflow's
writes in `services`."""
