"""The annual public report (Art. 6.8, 10.10; DOMAIN §11)."""
