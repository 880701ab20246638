"""Governments' tenders with natural stone (Art. 7.7): registering them, the contract
phase's deadlines and reminders, the annual tender report and the targets dashboard."""
