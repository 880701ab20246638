"""The lists of DOMAIN §5: the linked list for NGOs and unions (behind a signed
confidentiality statement), the aggregated list, the public quarry-area list."""
