"""The registry of production sites: one canonical site per factory or quarry, whatever
each company calls it. `candidates` finds possible sites for reported facilities,
`matcher` decides and links, `decisions` is what the secretariat does with the rest."""
