"""The complaints app's pages, by who uses them: the public (intake, the receipt, the
published rulings), the committee and the parties (the case file), the coordinator (the
grievance mechanisms, referrals to the steering group)."""
