// Boost.Asio and Boost.Beast compiled once, here, instead of in every file that includes them
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION, set for the api library).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
