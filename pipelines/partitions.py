"""One dynamic partition per catalog document (its doc_id)."""

import dagster as dg

DOCUMENTS_PARTITION = "documents"
documents_partitions = dg.DynamicPartitionsDefinition(name=DOCUMENTS_PARTITION)
