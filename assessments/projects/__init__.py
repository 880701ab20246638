"""The register of projects and dialogues (Art. 6.15, Bijlage 2; DOMAIN §9): the
secretariat keeps it, the steering group reads it, the public sees the published pages."""
