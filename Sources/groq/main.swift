import GroqCLI

await CLI.main()
