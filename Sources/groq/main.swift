import GroqCLI

#if os(Linux)
  CLI.start()
#else
  await CLI.main()
#endif
