"""Outside systems behind the Protocols the services depend on: DHA eClaimLink, OpenDental."""
