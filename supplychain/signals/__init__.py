"""Signals (DOMAIN §6, Art. 6.4 b–d): an NGO or union reports a risk or abuse at a
production site; the secretariat routes it to every member company buying there, each
of which sees only its own link; a conversation per company; an outcome."""
