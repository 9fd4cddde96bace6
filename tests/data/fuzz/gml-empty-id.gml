graph [ node [ id "" ] node [ id "a b" label "" ] edge [ source "" target "a b" ] ]
