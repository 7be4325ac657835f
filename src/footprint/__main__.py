"""``python -m footprint`` runs footprint as the console script does."""

from footprint.launch import main

main()
