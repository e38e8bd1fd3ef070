"""Sources of live data. Each produces core events and nothing else."""
