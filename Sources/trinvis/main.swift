print("trinvis")
