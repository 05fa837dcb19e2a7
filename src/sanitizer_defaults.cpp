// Defaults for the ASan+UBSan build (ENTENTE_SANITIZE), linked into the tool and the tests so
// they hold however the binaries are started.

extern "C" {

// Graphviz is built without frame pointers: only the slow unwinder sees which library
// allocated a leaked block, and so lets a suppression below match. A malloc that cannot be met
// returns null, as it does without the sanitizer, so the code that turns that into
// std::bad_alloc (ThrowingJsonAllocator) is tested in this build too.
const char* __asan_default_options() {
    return "fast_unwind_on_malloc=0:allocator_may_return_null=1";
}

// Memory that Graphviz and the font stack behind it keep for the life of the process, or leak
// inside their own layout code (Graphviz 2.43: dot layout's virtual edges under newrank, the
// plugin configuration). Each entry names a third-party module or function, never entente's.
const char* __lsan_default_suppressions() {
    return "leak:libgvplugin_dot_layout.so\n"
           "leak:libgvplugin_neato_layout.so\n"
           "leak:libgvplugin_pango.so\n"
           "leak:gvconfig\n"
           "leak:libfontconfig.so\n"
           "leak:libpango\n"
           "leak:libcairo\n"
           "leak:libglib\n"
           "leak:libgobject\n";
}

}  // extern "C"
