/// The capabilities this server is made of, after Platform, in the order their migrations
/// run. Adding a capability is its folder and one line here.
func capabilityModules(services: AppServices) -> [any CivitasModule] {
    [
        AccountsModule(services: services),
        DirectoryModule(services: services),
        ConveningsModule(services: services),
        LibraryModule(services: services),
        SearchModule(services: services),
    ]
}
