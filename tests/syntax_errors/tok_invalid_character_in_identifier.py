café·x€ = 3
