//! Links the addon as Node expects (napi's symbols are resolved when Node loads it).

fn main() {
    napi_build::setup();
}
