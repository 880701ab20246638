"""The published plans of action (DOMAIN §5, Art. 5.12 and 6.6): a page per listed member
company and the same plan as public JSON. See `selectors` for what "published" means."""
