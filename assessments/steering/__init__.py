"""The steering group's dashboard (DOMAIN §1, Art. 10): delayed companies and the
requests for special circumstances it decides on, candidate regions for joint projects,
signals and complaints past their deadlines, membership movements and the progress of
the initiative over the years."""
